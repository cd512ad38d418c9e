import { Box, Chip, Typography } from '@mui/material';
import { ArrayField, DataTable, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { intlLocale } from '../dates';
import { blocksOnPhone, PhoneLabel } from '../PhoneLabel';
import { usePersonName } from '../people';
import type { ReactNode } from 'react';
import { scheduledFrom, type UseSubmitBlock, type VersionAction, type VersionRecord } from './version-actions';
import { VersionButtons } from './VersionButtons';
import { useStatusWords } from './status-words';
import { hasTests, useUntestedCases } from './untested-cases';

type Listed = VersionRecord & {
  createdAt?: string;
  approvedBy?: string;
  approvedAt?: string;
  publishedAt?: string;
  comments?: { by: string; action: string; text: string }[];
};

// Dates in the short form (« 4 déc. 2026, 09 h 17 »): in the long one, the table ran past the page at 1440 px and
// hid the comments column, where approvers read why a version was submitted, approved or published.
const COMPACT: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

const STATUS_COLOURS = {
  published: 'success',
  in_review: 'warning',
  approved: 'info',
  draft: 'default',
  retired: 'default',
} as const;

/** The versions of any governed resource (rule set, prompt, experiment), newest first, with what the user may do to each. */
export const VersionHistory = ({
  resource,
  id,
  reviewDetails,
  useSubmitBlock,
  statusNote,
}: {
  resource: string;
  id: string;
  reviewDetails?: (version: number, action: VersionAction) => ReactNode;
  useSubmitBlock?: UseSubmitBlock;
  /** What the status alone would not say of a version (a prompt's version still served by an experiment). */
  statusNote?: (version: number) => string | undefined;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const personName = usePersonName();
  // An archived resource (a stopped experiment, an archived rule set) cannot change: no version has a button.
  const resourceRecord = useRecordContext<{ archived?: boolean; activeVersion?: number | null }>();
  const archived = resourceRecord?.archived === true;
  return (
    // The table may be wider than the card: it scrolls rather than hiding the last columns.
    <Box sx={{ overflowX: 'auto' }}>
      <ArrayField source="versions" label="gabarit.versions.title" sort={{ field: 'number', order: 'DESC' }}>
        {/* On a phone each version a block, each column a line under its name: in five columns the dates and the
            comments were off the screen, past the buttons (a console review). */}
        <DataTable bulkActionButtons={false} rowClick={false} sx={blocksOnPhone}>
          <DataTable.Col
            source="number"
            label="gabarit.versions.number"
            render={(v: Listed) => (
              <>
                <PhoneLabel>{translate('gabarit.versions.number')}</PhoneLabel>
                {v.number}
              </>
            )}
          />
          {/* What an approver needs before approving, next to the buttons: the status, and under it the tests of this
              exact content (in a column of their own, the comments ran off a 1 024-pixel screen). Experiments have
              no tests: no line of dashes. */}
          <DataTable.Col
            source="status"
            label={hasTests(resource) ? 'gabarit.versions.status_tests' : 'gabarit.versions.status'}
            // A status note (« Servie par l'expérience … ») wrapped a word a line in the narrowest column.
            cellSx={() => ({ minWidth: 150 })}
            render={(v: Listed) => (
              <>
                <PhoneLabel>
                  {translate(hasTests(resource) ? 'gabarit.versions.status_tests' : 'gabarit.versions.status')}
                </PhoneLabel>
                <StatusChip version={v} note={statusNote?.(v.number)} />
                {hasTests(resource) && (
                  <Box sx={{ mt: 0.5 }} data-testid="version-tests">
                    <TestRunChip version={v} resource={resource} id={id} />
                  </Box>
                )}
              </>
            )}
          />
          {!archived && (
            <DataTable.Col label="gabarit.versions.actions">
              <VersionButtons
                resource={resource}
                id={id}
                reviewDetails={reviewDetails}
                useSubmitBlock={useSubmitBlock}
                activeVersion={resourceRecord?.activeVersion}
              />
            </DataTable.Col>
          )}
          {/* Who wrote it and when, who approved it, when it was published: one column (in four, the comments were
              cut off at 1 440 pixels; in two, beside an approver's buttons, at 1 024). */}
          <DataTable.Col
            source="authors"
            label="gabarit.versions.people_dates"
            cellSx={() => ({ minWidth: 150 })}
            render={(v: Listed) => (
              <>
                <Typography variant="body2">
                  <PhoneLabel>{translate('gabarit.versions.people_dates')}</PhoneLabel>
                  {v.authors.map(personName).join(', ')}
                </Typography>
                <Typography variant="caption" component="div">
                  {translate('gabarit.versions.created_line', { at: compactDate(v.createdAt, locale) })}
                </Typography>
                {v.approvedBy && (
                  <Typography variant="caption" component="div">
                    {/* With its date, as created and published are: an approval's date was only in the API. */}
                    {v.approvedAt
                      ? translate('gabarit.versions.approved_line', {
                          by: personName(v.approvedBy),
                          at: compactDate(v.approvedAt, locale),
                        })
                      : translate('gabarit.versions.approved_by_line', { by: personName(v.approvedBy) })}
                  </Typography>
                )}
                {v.publishedAt && (
                  <Typography variant="caption" component="div">
                    {/* Scheduled for later, it is not published yet: when the approver scheduled it is said so. */}
                    {translate(scheduledFrom(v) ? 'gabarit.versions.scheduled_on' : 'gabarit.versions.published_line', {
                      at: compactDate(v.publishedAt, locale),
                    })}
                  </Typography>
                )}
              </>
            )}
          />
          <DataTable.Col
            source="comments"
            label="gabarit.versions.comments"
            // The review history is read as sentences: squeezed, it wrapped a word a line into rows 280 px tall.
            cellSx={() => ({ minWidth: 150 })}
            render={(v: Listed) =>
              (v.comments ?? []).map((c, i) => (
                <Typography key={i} variant="body2">
                  {translate('gabarit.versions.comment', {
                    // What happened to the version (« Soumise »), not the button that did it (« Soumettre »); a
                    // publication still to come is « Programmée », as its status says.
                    action: translate(
                      `gabarit.versions.comment_actions.${c.action === 'publish' && scheduledFrom(v) ? 'schedule' : c.action}`,
                      { _: c.action },
                    ),
                    by: personName(c.by),
                    text: c.text,
                  })}
                </Typography>
              ))
            }
          />
        </DataTable>
      </ArrayField>
    </Box>
  );
};

/** A version's status; a publication still to come says when (« Programmée au 1 avril 2027 à 00:00 »). */
const StatusChip = ({ version, note }: { version: Listed; note?: string }) => {
  const statusWords = useStatusWords();
  const from = scheduledFrom(version);
  const label = statusWords(version);
  return (
    <>
      <Chip
        size="small"
        label={label}
        color={from ? 'info' : STATUS_COLOURS[version.status]}
        variant={version.status === 'draft' || from ? 'outlined' : 'filled'}
      />
      {note && (
        <Typography variant="caption" component="div" sx={{ mt: 0.5, maxWidth: 220 }}>
          {note}
        </Typography>
      )}
    </>
  );
};

/** The last test run of a version: passed, failing, or run on other content (the draft changed since). */
const TestRunChip = ({ version, resource, id }: { version: Listed; resource: string; id: string }) => {
  const translate = useTranslate();
  const run = version.testRun;
  const cases = useUntestedCases(resource, id, version);
  if (!run)
    return cases ? (
      <Chip
        size="small"
        color="warning"
        variant="outlined"
        label={translate('gabarit.versions.tests_not_run', { smart_count: cases })}
      />
    ) : (
      <Typography variant="body2">—</Typography>
    );
  if (version.checksum !== undefined && run.checksum !== version.checksum)
    return <Chip size="small" variant="outlined" label={translate('gabarit.versions.tests_stale')} />;
  const total = run.passed + run.failed;
  return run.failed > 0 ? (
    <Chip
      size="small"
      color="error"
      label={translate('gabarit.versions.tests_failed', { failed: run.failed, total })}
    />
  ) : run.skipped ? (
    // Cases that check the model's answer and were not checked: a green « 9 réussis » hid them from the approver.
    <Chip
      size="small"
      color="warning"
      variant="outlined"
      label={translate('gabarit.versions.tests_passed_some_unchecked', {
        total,
        skipped: translate('gabarit.versions.tests_unchecked', { smart_count: run.skipped }),
      })}
    />
  ) : (
    <Chip
      size="small"
      color="success"
      variant="outlined"
      label={translate('gabarit.versions.tests_passed', { total })}
    />
  );
};

/**
 * A date and time in the versions table's short form, or nothing. The time never breaks across lines (« 22 h » on
 * one, « 44 » on the next): its spaces are no-break spaces.
 */
function compactDate(value: string | undefined, locale: string): string {
  if (!value) return '';
  const text = new Date(value).toLocaleString(intlLocale(locale), COMPACT);
  const time = text.lastIndexOf(', ');
  return time < 0 ? text : text.slice(0, time + 2) + text.slice(time + 2).replace(/ /g, '\u00a0');
}
