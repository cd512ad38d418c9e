import type { ReactNode } from 'react';
import {
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  MenuItem,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
  useMediaQuery,
  type Theme,
} from '@mui/material';
import { useState } from 'react';
import {
  DataTable,
  Link,
  List,
  ReferenceField,
  ReferenceInput,
  SelectInput,
  TextField as RaTextField,
  useLocaleState,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { RequestOf, ResponseOf } from '../api/types';
import { calendarDaysAgo, formatDateTime } from '../common/dates';
import { useApiAction } from '../common/use-api-action';
import { may } from '../layout/access';
import { outcomeWords, personOutcomeWords } from '../common/outcomes';
import { usePersonName } from '../common/people';
import { TranslatedPagination } from '../common/TranslatedPagination';
import { ListHeading } from '../common/PageHeadings';

export type Review = ResponseOf<'/api/v1/reviews', 'get'>[number];

/**
 * Who recorded a request and how it came (« Téléphone · analyst », « En ligne · Clé API « Portail RH » »): a
 * reviewer weighs a request by where it came from, and may need to call back.
 */
function useReceivedFrom(): (r: Review) => string {
  const translate = useTranslate();
  const personName = usePersonName();
  return (r) =>
    [
      r.receivedVia && translate(`gabarit.receipt.via.${r.receivedVia}`),
      r.submitterName ? translate('gabarit.audit.api_key_actor', { name: r.submitterName }) : personName(r.submittedBy),
    ]
      .filter(Boolean)
      .join(' · ');
}
type Decide = RequestOf<'/api/v1/reviews/{id}/decide', 'post'>;

/**
 * Outcomes a reviewer may decide instead: those the reviewed version gives (the API lists them on open requests
 * and refuses any other), the automated one last. Each is worded in gabarit.outcomes.
 */
export const overrideOptions = (review: Review): string[] => {
  const automated = new Set((review.automatedDecision ?? []).map((e) => e.type));
  const given = review.outcomes ?? [...automated];
  // Of a single automated outcome, « changing » to that same outcome changes nothing: that is a confirmation.
  if (automated.size === 1) return given.filter((type) => !automated.has(type));
  return [...given.filter((type) => !automated.has(type)), ...given.filter((type) => automated.has(type))];
};

const filters = [
  <SelectInput
    key="status"
    source="status"
    choices={[
      { id: 'open', name: 'gabarit.reviews.status.open' },
      { id: 'closed', name: 'gabarit.reviews.status.closed' },
    ]}
    alwaysOn
  />,
  // A reviewer of one pilot's decisions works that queue alone.
  <ReferenceInput key="ruleset" source="ruleset" reference="rulesets" sort={{ field: 'key', order: 'ASC' }} alwaysOn>
    <SelectInput optionText="name" sx={{ minWidth: 220 }} />
  </ReferenceInput>,
];

const ReceivedAgo = ({ submittedAt }: { submittedAt: string }) => {
  const translate = useTranslate();
  const days = calendarDaysAgo(submittedAt);
  if (days === 0) return <>{translate('gabarit.reviews.received_today')}</>;
  if (days === 1) return <>{translate('gabarit.reviews.received_yesterday')}</>;
  return <>{translate('gabarit.reviews.age_line', { smart_count: days })}</>;
};

const DueDate = () => {
  const review = useRecordContext<Review>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!review) return null;
  const late = review.overdue && review.status === 'open';
  // Closed after its due date: what a risk officer checking the deadlines looks for (the API says `overdue`).
  const decidedLate = review.overdue && review.status === 'closed';
  return (
    <>
      <Box component="span" sx={late ? { color: 'error.dark', fontWeight: 600 } : undefined}>
        {formatDateTime(review.dueAt, locale)}
        {late && ` — ${translate('gabarit.reviews.overdue')}`}
        {decidedLate && ` — ${translate('gabarit.reviews.decided_late')}`}
      </Box>
      {/* Its age under the due date: one column fewer, so the reviewer's action fits a 1 024-pixel screen. */}
      <Typography variant="caption" component="div">
        {/* Said as the request's age, not left as « 0 jour », which under a due date read as the days left; in
            calendar days where the reader is (the API's ageDays counts whole 24 hours: last evening read as today). */}
        <ReceivedAgo submittedAt={review.submittedAt} />
      </Typography>
    </>
  );
};

/**
 * The review requests of automated decisions, due first: open ones by default, overdue in red. Reviewers confirm
 * or override each; the override is kept beside the automated decision.
 */
export const ReviewList = () => {
  const { permissions } = usePermissions<string[]>();
  const mayDecide = may('decideReview', permissions);
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  return (
    <List
      pagination={<TranslatedPagination />}
      filters={filters}
      filterDefaultValues={{ status: 'open' }}
      sort={{ field: 'dueAt', order: 'ASC' }}
      exporter={false}
      // Both filters are always shown: « Ajouter un filtre » would offer nothing but saved queries.
      actions={false}
    >
      <ListHeading />
      {phone ? <PhoneQueue mayDecide={mayDecide} /> : <WideQueue mayDecide={mayDecide} />}
    </List>
  );
};

const WideQueue = ({ mayDecide }: { mayDecide: boolean }) => (
  <DataTable bulkActionButtons={false} rowClick={false}>
    <DataTable.Col source="dueAt">
      <DueDate />
    </DataTable.Col>
    <DataTable.Col source="submittedAt" disableSort render={(r: Review) => <Received review={r} />} />
    {/* The rule set by its name, leading to it (its key is what the API gives). */}
    <DataTable.Col source="ruleset" disableSort>
      <RulesetName />
    </DataTable.Col>
    {/* The automated decision with its receipt under it, as the person received it. */}
    <DataTable.Col source="automatedDecision" disableSort render={(r: Review) => <Automated review={r} />} />
    <DataTable.Col source="observations" label="gabarit.reviews.observations" disableSort />
    <DataTable.Col source="status" disableSort render={(r: Review) => <Status review={r} />} />
    {mayDecide ? (
      <DataTable.Col
        label="gabarit.reviews.decide"
        render={(r: Review) => (r.status === 'open' ? <DecideButton review={r} /> : null)}
      />
    ) : null}
  </DataTable>
);

/**
 * On a phone, each request in one column, « Trancher » within reach: in seven columns only the due date, the date
 * received, the rule set and half the decision fitted, the button off to the right (a console review).
 */
const PhoneQueue = ({ mayDecide }: { mayDecide: boolean }) => (
  <DataTable bulkActionButtons={false} rowClick={false}>
    <DataTable.Col
      source="dueAt"
      render={(r: Review) => (
        <Stack spacing={0.75} sx={{ overflowWrap: 'anywhere' }}>
          {/* Each part named, as the wide table's headers name them: « 6 janvier 2027 … reçue aujourd'hui » alone
              did not say which date was due (a console review). */}
          <Labelled label="resources.reviews.fields.dueAt">
            <DueDate />
          </Labelled>
          <Labelled label="resources.reviews.fields.submittedAt">
            <Received review={r} />
          </Labelled>
          <Labelled label="resources.reviews.fields.ruleset">
            <RulesetName />
          </Labelled>
          <Labelled label="resources.reviews.fields.automatedDecision">
            <Automated review={r} />
          </Labelled>
          <Labelled label="gabarit.reviews.observations">
            <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
              {r.observations}
            </Typography>
          </Labelled>
          <Status review={r} />
          {mayDecide && r.status === 'open' && (
            <Box>
              <DecideButton review={r} />
            </Box>
          )}
        </Stack>
      )}
    />
  </DataTable>
);

/** A part of a request on a phone, under its name in small capitals. */
const Labelled = ({ label, children }: { label: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box>
      <Typography variant="overline" component="div" sx={{ lineHeight: 1.6, color: 'text.secondary' }}>
        {translate(label)}
      </Typography>
      {children}
    </Box>
  );
};

const Received = ({ review }: { review: Review }) => {
  const receivedFrom = useReceivedFrom();
  const [locale] = useLocaleState();
  return (
    <Box>
      {formatDateTime(review.submittedAt, locale)}
      <Typography variant="caption" component="div">
        {receivedFrom(review)}
      </Typography>
    </Box>
  );
};

const RulesetName = () => (
  <ReferenceField source="ruleset" reference="rulesets" link="show">
    <RaTextField source="name" />
  </ReferenceField>
);

const Automated = ({ review }: { review: Review }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <Box>
      {(review.automatedDecision ?? []).map((e) => outcomeWords(e.type, translate)).join(', ')}
      <Box>
        <Link
          to={`/decisions/${encodeURIComponent(review.decisionId)}/receipt`}
          aria-label={translate('gabarit.action_for', {
            action: translate('gabarit.reviews.receipt'),
            what: translate('gabarit.reviews.request_received', { at: formatDateTime(review.submittedAt, locale) }),
          })}
        >
          {translate('gabarit.reviews.receipt')}
        </Link>
      </Box>
    </Box>
  );
};

const Status = ({ review: r }: { review: Review }) => {
  const translate = useTranslate();
  const personName = usePersonName();
  const [locale] = useLocaleState();
  if (r.status !== 'closed' || !r.outcome) return <>{translate(`gabarit.reviews.status.${r.status}`)}</>;
  return (
    <Box>
      {r.newDecision
        ? translate('gabarit.reviews.overridden_to', {
            outcome: personOutcomeWords(r.newDecision.type, translate),
          })
        : translate(`gabarit.reviews.outcome.${r.outcome}`)}
      {/* Who decided and when: what a risk officer checks of a closed request. */}
      {r.decidedBy && r.decidedAt && (
        <Typography variant="caption" component="div">
          {translate('gabarit.reviews.decided_line', {
            by: personName(r.decidedBy),
            at: formatDateTime(r.decidedAt, locale),
          })}
        </Typography>
      )}
      {/* Why: it was only on each receipt. */}
      {r.reason && (
        <Typography variant="caption" component="div" sx={{ whiteSpace: 'pre-wrap' }}>
          {translate('gabarit.reviews.reason_line', { reason: r.reason })}
        </Typography>
      )}
    </Box>
  );
};

/** Confirms or overrides one request, with a reason (and the new decision when overriding). */
export const DecideButton = ({ review }: { review: Review }) => {
  const translate = useTranslate();
  const receivedFrom = useReceivedFrom();
  const [locale] = useLocaleState();
  const [open, setOpen] = useState(false);
  // A case the rules sent to a person (manual_review) is decided, not confirmed: « confirmed », the person's
  // receipt gave no decision.
  const toAPerson = (review.automatedDecision ?? []).some((e) => e.type === 'manual_review');
  const [outcome, setOutcome] = useState<Decide['outcome']>(toAPerson ? 'overridden' : 'confirmed');
  const [reason, setReason] = useState('');
  const options = overrideOptions(review);
  // Nothing is proposed: deciding instead of the automated decision is a choice the reviewer makes.
  const [newDecision, setNewDecision] = useState('');
  const { run, busy } = useApiAction('reviews');
  const save = async () => {
    const body: Decide = {
      outcome,
      reason,
      ...(outcome === 'overridden' && { newDecision: { type: newDecision } }),
    };
    if (await run({ id: review.id, command: 'decide', body, success: 'gabarit.reviews.decided' })) setOpen(false);
  };
  const titleId = `decide-title-${review.id}`;
  return (
    <>
      <Button
        size="small"
        variant="outlined"
        aria-label={translate('gabarit.action_for', {
          action: translate('gabarit.reviews.decide'),
          what: translate('gabarit.reviews.request_received', { at: formatDateTime(review.submittedAt, locale) }),
        })}
        onClick={() => setOpen(true)}
      >
        {translate('gabarit.reviews.decide')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby={titleId} fullWidth maxWidth="sm">
        <DialogTitle id={titleId}>{translate('gabarit.reviews.decide_title')}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" sx={{ mb: 1 }}>
            {translate('gabarit.reviews.received_line', {
              at: formatDateTime(review.submittedAt, locale),
              from: receivedFrom(review),
            })}
          </Typography>
          <Typography variant="body2" sx={{ mb: 1 }}>
            {translate('gabarit.reviews.automated_line', {
              outcome: (review.automatedDecision ?? []).map((e) => outcomeWords(e.type, translate)).join(', '),
            })}
          </Typography>
          <Typography variant="body2" sx={{ mb: 2, whiteSpace: 'pre-wrap' }}>
            {translate('gabarit.reviews.observations_line', { text: review.observations })}
          </Typography>
          <RadioGroup
            value={outcome}
            onChange={(e) => setOutcome(e.target.value as Decide['outcome'])}
            aria-label={translate('resources.reviews.fields.outcome')}
          >
            {!toAPerson && (
              <FormControlLabel value="confirmed" control={<Radio />} label={translate('gabarit.reviews.confirm')} />
            )}
            <FormControlLabel
              value="overridden"
              control={<Radio />}
              label={translate(toAPerson ? 'gabarit.reviews.decide_case' : 'gabarit.reviews.override')}
            />
          </RadioGroup>
          {outcome === 'overridden' && (
            <TextField
              select
              fullWidth
              size="small"
              sx={{ mt: 1 }}
              label={translate('gabarit.reviews.new_decision')}
              value={newDecision}
              onChange={(e) => setNewDecision(e.target.value)}
            >
              {options.map((type) => (
                <MenuItem key={type} value={type}>
                  {personOutcomeWords(type, translate)}
                </MenuItem>
              ))}
            </TextField>
          )}
          <TextField
            required
            fullWidth
            multiline
            minRows={2}
            sx={{ mt: 2 }}
            label={translate('gabarit.reviews.reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('gabarit.reviews.cancel')}</Button>
          <Button
            variant="contained"
            disabled={busy || reason.trim() === '' || (outcome === 'overridden' && newDecision === '')}
            onClick={() => void save()}
          >
            {translate('gabarit.reviews.save')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
