import {
  Alert,
  Box,
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useCallback, useRef, useState } from 'react';
import { useGetIdentity, useLocaleState, useLocation, useNotify, useShowContext, useTranslate } from 'react-admin';
import { ProblemAlert } from '../../common/ProblemAlert';
import { ShadowReport } from './ShadowReport';
import { SHADOWABLE, shadowRefusal, useShadowCommands, useShadowReport, type ShadowableVersion } from './use-shadow';
import { may } from '../../layout/access';
import { useStatusWords } from '../../common/lifecycle/status-words';

interface RulesetRecord {
  id: string;
  key: string;
  activeVersion: number | null;
  versions: ShadowableVersion[];
}

/**
 * The version the tab opens on: the one asked for (?version=), else the one running in shadow (its run may need
 * stopping: it opened on a newer version saying « never compared »), else the newest under review, else the newest.
 */
function defaultVersion(versions: RulesetRecord['versions'], asked: number | undefined): number | undefined {
  if (asked !== undefined && versions.some((v) => v.number === asked)) return asked;
  const running = versions.find((v) => v.shadow?.running);
  if (running) return running.number;
  const newestFirst = [...versions].sort((a, b) => b.number - a.number);
  return (newestFirst.find((v) => SHADOWABLE.has(v.status)) ?? newestFirst.find((v) => v.status !== 'draft'))?.number;
}

/**
 * The Shadow tab of a rule set: a version under review compared live with the version in force (docs/adr/0028).
 * Approvers start it on a share of live evaluations and stop it; everyone who reads versions sees the report,
 * refreshed while it runs, and how an ended run ended.
 */
export const ShadowTab = () => {
  const { record } = useShowContext<RulesetRecord>();
  const translate = useTranslate();
  const statusWords = useStatusWords();
  const location = useLocation();
  const asked = Number(new URLSearchParams(location.search).get('version')) || undefined;
  const [chosen, setChosen] = useState<number | undefined>();
  const versions = (record?.versions ?? []).filter((v) => v.status !== 'draft');
  const version = chosen ?? defaultVersion(versions, asked);
  if (!record) return null;
  if (version === undefined)
    return (
      <Alert severity="info" role="status" sx={{ mt: 2 }}>
        {translate('gabarit.shadow.no_version')}
      </Alert>
    );
  const chosenVersion = versions.find((v) => v.number === version) ?? { number: version, status: 'draft' };
  return (
    <Box component="section" aria-labelledby="shadow-title" sx={{ mt: 1 }}>
      <Typography id="shadow-title" variant="h2" sx={{ fontSize: '1.25rem', mb: 1 }}>
        {translate('gabarit.shadow.title', { version })}
      </Typography>
      <Typography variant="body2" sx={{ mb: 2, maxWidth: 900 }}>
        {translate('gabarit.shadow.intro')}
      </Typography>
      <TextField
        select
        size="small"
        label={translate('gabarit.shadow.version')}
        value={version}
        onChange={(e) => setChosen(Number(e.target.value))}
        sx={{ width: 280, mb: 2 }}
      >
        {[...versions]
          .sort((a, b) => b.number - a.number)
          .map((v) => (
            <MenuItem key={v.number} value={v.number}>
              {translate('gabarit.shadow.version_choice', {
                version: v.number,
                status: statusWords(v),
              })}
            </MenuItem>
          ))}
      </TextField>
      <VersionShadow key={version} rulesetKey={record.key} version={chosenVersion} />
    </Box>
  );
};

const VersionShadow = ({ rulesetKey, version: chosen }: { rulesetKey: string; version: ShadowableVersion }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [paused, setPaused] = useState(false);
  const { report, problem, loading } = useShadowReport(rulesetKey, chosen, !paused);
  const { number: version, status } = chosen;
  const { identity } = useGetIdentity();
  const isApprover = may('runShadow', identity?.['roles'] as string[] | undefined);
  return (
    <>
      {isApprover ? (
        <ShadowControls
          rulesetKey={rulesetKey}
          version={version}
          status={status}
          running={!!report?.running}
          ranBefore={!!report && !report.running}
        />
      ) : (
        <Typography variant="body2" sx={{ mb: 1 }}>
          {translate('gabarit.shadow.approvers_only')}
        </Typography>
      )}
      {problem && <ProblemAlert problem={problem} />}
      {loading && <CircularProgress size={24} aria-label={translate('ra.page.loading')} />}
      {report === null && (
        <Alert severity="info" role="status" sx={{ mt: 2 }} data-testid="shadow-never">
          {translate('gabarit.shadow.never_ran', { version })}
        </Alert>
      )}
      {report && (
        <ShadowReport report={report} locale={locale} rulesetKey={rulesetKey} paused={paused} onPause={setPaused} />
      )}
    </>
  );
};

/** What an approver does: start a run on a share of live evaluations (1–100 %), or stop the running one. */
const ShadowControls = ({
  rulesetKey,
  version,
  status,
  running,
  ranBefore,
}: {
  rulesetKey: string;
  version: number;
  status: string;
  running: boolean;
  /** This version ran in shadow before: a new run's figures start from zero, the last run's are replaced. */
  ranBefore: boolean;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const commands = useShadowCommands(rulesetKey, version);
  const [percent, setPercent] = useState('10');
  const [confirming, setConfirming] = useState(false);
  const value = Number(percent);
  const valid = /^\d+$/.test(percent.trim()) && value >= 1 && value <= 100;
  // Starting replaces the start button with the stop button, and stopping the other way round: the focus, on the
  // button that went, fell to the page's body (a console review). It goes to the one that took its place.
  const focusNext = useRef(false);
  // Stable, so that it runs when a button is drawn, not at every render.
  const takesFocus = useCallback((button: HTMLButtonElement | null) => {
    if (!button || !focusNext.current) return;
    focusNext.current = false;
    button.focus();
  }, []);
  const start = async () => {
    if (!valid) return;
    commands.reset();
    focusNext.current = true; // before the call: the record may be read again, and the button drawn, before it returns
    try {
      await commands.start(value);
      notify('gabarit.shadow.started', { type: 'success', messageArgs: { version } });
    } catch {
      focusNext.current = false; // shown below, in words
    }
  };
  const stop = async () => {
    setConfirming(false);
    commands.reset();
    focusNext.current = true;
    try {
      await commands.stop();
      notify('gabarit.shadow.stopped', { type: 'success', messageArgs: { version } });
    } catch {
      focusNext.current = false; // shown below, in words
    }
  };
  const refusal = commands.problem && shadowRefusal(commands.problem, translate);
  return (
    <Box sx={{ mb: 1 }}>
      {!SHADOWABLE.has(status) ? (
        <Typography variant="body2">{translate('gabarit.shadow.not_shadowable')}</Typography>
      ) : running ? (
        <Button
          ref={takesFocus}
          variant="outlined"
          color="warning"
          disabled={commands.busy}
          onClick={() => setConfirming(true)}
        >
          {translate('gabarit.shadow.stop')}
        </Button>
      ) : (
        <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
          <TextField
            size="small"
            type="number"
            label={translate('gabarit.shadow.percent')}
            value={percent}
            onChange={(e) => setPercent(e.target.value)}
            error={!valid}
            helperText={translate(valid ? 'gabarit.shadow.percent_help' : 'gabarit.shadow.percent_invalid')}
            slotProps={{ htmlInput: { min: 1, max: 100, step: 1 } }}
            sx={{ width: 280 }}
          />
          <Button ref={takesFocus} variant="contained" disabled={commands.busy || !valid} onClick={() => void start()}>
            {translate('gabarit.shadow.start')}
          </Button>
        </Stack>
      )}
      {SHADOWABLE.has(status) && !running && (
        <Typography variant="caption" component="p" sx={{ mt: 1 }}>
          {translate('gabarit.shadow.start_replaces')}
          {ranBefore && ` ${translate('gabarit.shadow.start_restarts', { version })}`}
        </Typography>
      )}
      {commands.problem &&
        (refusal ? (
          <Alert severity="error" role="alert" sx={{ my: 2 }}>
            {refusal}
          </Alert>
        ) : (
          <ProblemAlert problem={commands.problem} />
        ))}
      {confirming && (
        <Dialog open onClose={() => setConfirming(false)} aria-labelledby="shadow-stop-title" fullWidth maxWidth="sm">
          <DialogTitle id="shadow-stop-title">{translate('gabarit.shadow.stop_title', { version })}</DialogTitle>
          <DialogContent>
            <DialogContentText>{translate('gabarit.shadow.stop_explain')}</DialogContentText>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setConfirming(false)}>{translate('ra.action.cancel')}</Button>
            <Button variant="contained" color="warning" onClick={() => void stop()}>
              {translate('gabarit.shadow.stop')}
            </Button>
          </DialogActions>
        </Dialog>
      )}
    </Box>
  );
};
