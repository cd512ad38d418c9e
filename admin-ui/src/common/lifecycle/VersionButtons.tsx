import { Alert, Button, Stack, Tooltip, Typography } from '@mui/material';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useGetIdentity, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { formatDateTime } from '../dates';
import { useApiAction } from '../use-api-action';
import { TransitionDialog, type TransitionInput } from './TransitionDialog';
import { useUntestedCases } from './untested-cases';
import {
  failingTests,
  staleArgs,
  staleBase,
  useNoSubmitBlock,
  versionActions,
  type UseSubmitBlock,
  type VersionAction,
  type VersionRecord,
} from './version-actions';

/**
 * Said in the approve and publish dialogs when the version's last test run, on this content, has failures: the
 * versions table shows them in a chip the approver may not have read, and publishing is refused until they pass.
 */
const FailingTests = ({ version }: { version: VersionRecord }) => {
  const translate = useTranslate();
  const run = version.testRun;
  if (!run || !failingTests(version)) return null;
  return (
    <Alert severity="warning" sx={{ mt: 2 }} data-testid="failing-tests">
      {translate('gabarit.lifecycle.failing_tests', {
        failed: run.failed,
        total: run.passed + run.failed,
        version: version.number,
      })}
    </Alert>
  );
};

/**
 * Said in the approve and publish dialogs when another version has been put in force since this one was written:
 * publishing it would undo that version's changes, which a diff against its own base does not show.
 */
const StaleBase = ({ version, activeVersion }: { version: VersionRecord; activeVersion?: number | null }) => {
  const translate = useTranslate();
  const stale = staleBase(version, activeVersion);
  if (!stale) return null;
  return (
    <Alert severity="warning" sx={{ mt: 2 }} data-testid="stale-base">
      {translate('gabarit.lifecycle.stale_base_dialog', staleArgs(version, stale))}
    </Alert>
  );
};

/**
 * The lifecycle buttons of the version in the record context, as the signed-in user may use them, for any
 * governed resource (`resource`, such as rulesets) whose key is `id`.
 */
export const VersionButtons = ({
  resource,
  id,
  reviewDetails,
  useSubmitBlock = useNoSubmitBlock,
  activeVersion,
}: {
  resource: string;
  id: string;
  /** Shown in the dialog of a transition, for the version it is about (a prompt's latest evaluation run). */
  reviewDetails?: (version: number, action: VersionAction) => ReactNode;
  /** What keeps a version from being submitted, known before asking the API (a rule set's analysis errors). */
  useSubmitBlock?: UseSubmitBlock;
  /** The resource's version in force: a version written from another is not published over it. */
  activeVersion?: number | null;
}) => {
  const version = useRecordContext<VersionRecord & { id: number }>();
  const submitBlock = useSubmitBlock(id, version);
  // Publishing is refused while the version's test cases were never run on it: said on the button, not after.
  const untested = useUntestedCases(resource, id, version);
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const transition = useApiAction(resource);
  const busy = transition.busy;
  const [asking, setAsking] = useState<VersionAction | undefined>();
  const place = useRef<HTMLDivElement>(null);
  // The button that opened the dialog is gone once the version changed status (read again after the change), and
  // focus fell to the page's body: a keyboard user is put back on this version's buttons, or on their place.
  const refocusUntil = useRef(0);
  useEffect(() => {
    if (Date.now() > refocusUntil.current || !place.current) return;
    if (document.activeElement && document.activeElement !== document.body) return;
    (place.current.querySelector<HTMLElement>('button:not([disabled])') ?? place.current).focus();
  });
  if (!version || !identity) return null;
  const actions = versionActions(
    version,
    { id: String(identity.id), roles: (identity['roles'] as string[]) ?? [] },
    activeVersion,
  ).map((a) =>
    a.action === 'submit' && submitBlock
      ? { ...a, disabledReason: submitBlock.reason, reasonArgs: submitBlock.args }
      : a.action === 'publish' && !a.disabledReason && untested
        ? { ...a, disabledReason: 'gabarit.lifecycle.tests_not_run', reasonArgs: { smart_count: untested } }
        : a,
  );
  const reasonText = (reason: string) =>
    translate(reason, actions.find((a) => a.disabledReason === reason)?.reasonArgs);
  const run = async (action: VersionAction, input: TransitionInput) => {
    setAsking(undefined);
    // Set first: the record may be read again, and the button removed, before the call below returns.
    refocusUntil.current = Date.now() + 5_000;
    // A publication for a later date is said to be scheduled, with its date: « publiée » would read as in force.
    const forLater = action === 'publish' && input.effectiveFrom && Date.parse(input.effectiveFrom) > Date.now();
    // An approver decides on the content this page showed: if the version was rejected, changed and submitted
    // again meanwhile, the API refuses (reviewed_content_changed) instead of approving what was never read.
    const reviewed = (action === 'approve' || action === 'reject') && version.checksum;
    // Likewise an analyst submits the draft this page showed, not one another analyst saved a moment ago.
    const read = action === 'submit' && version.revision !== undefined;
    await transition.run({
      id,
      command: `versions/${version.number}/${action}`,
      body: reviewed
        ? { ...input, checksum: version.checksum }
        : read
          ? { ...input, revision: version.revision }
          : input,
      success: forLater ? 'gabarit.lifecycle.done_schedule' : `gabarit.lifecycle.done_${action}`,
      messageArgs: {
        version: version.number,
        ...(forLater && { at: formatDateTime(input.effectiveFrom!, locale) }),
      },
    });
  };
  return (
    <Stack
      ref={place}
      tabIndex={-1}
      // Named, and as tall as a button: once the change left the version no button (an analyst's submit), focus came
      // here, to an unnamed box 0 pixels high, and a screen reader said nothing (a console review).
      role="group"
      aria-label={translate('gabarit.lifecycle.actions_of', { version: version.number })}
      direction="row"
      spacing={1}
      useFlexGap
      sx={{ alignItems: 'center', flexWrap: 'wrap', minWidth: actions.length > 0 ? 110 : 0, minHeight: 30 }}
    >
      {actions.map(({ action, disabledReason }) => {
        const button = (
          <Button
            key={action}
            size="small"
            variant="outlined"
            disabled={busy || disabledReason !== undefined}
            onClick={() => setAsking(action)}
          >
            {translate(`gabarit.lifecycle.${action}`)}
          </Button>
        );
        return disabledReason ? (
          <Tooltip key={action} title={reasonText(disabledReason)}>
            <span>{button}</span>
          </Tooltip>
        ) : (
          button
        );
      })}
      {/* A disabled button takes no focus or hover, so the reason is also written out for keyboard and screen-reader users. */}
      {[...new Set(actions.flatMap((a) => (a.disabledReason ? [a.disabledReason] : [])))].map((reason) => (
        <Typography key={reason} variant="caption" sx={{ maxWidth: 320 }}>
          {reasonText(reason)}
        </Typography>
      ))}
      {asking && (
        <TransitionDialog
          action={asking}
          version={version.number}
          // An experiment has no test cases, and publishing one starts it.
          explainKey={
            resource === 'experiments' && (asking === 'submit' || asking === 'publish')
              ? `gabarit.lifecycle.explain_${asking}_experiment`
              : undefined
          }
          onCancel={() => setAsking(undefined)}
          onConfirm={(input) => void run(asking, input)}
        >
          {(asking === 'approve' || asking === 'publish') && (
            <>
              <StaleBase version={version} activeVersion={activeVersion} />
              <FailingTests version={version} />
              {/* Approving is allowed, publishing is not until they ran: said before the approval, not after it. */}
              {asking === 'approve' && untested !== undefined && untested > 0 && (
                <Alert severity="info" sx={{ mt: 2 }} data-testid="untested-cases">
                  {translate('gabarit.lifecycle.tests_not_run', { smart_count: untested })}
                </Alert>
              )}
            </>
          )}
          {reviewDetails?.(version.number, asking)}
        </TransitionDialog>
      )}
    </Stack>
  );
};
