import {
  Alert,
  Box,
  Button,
  Chip,
  List,
  ListItem,
  ListItemButton,
  ListItemIcon,
  ListItemText,
  Stack,
  Typography,
} from '@mui/material';
import { useId, useState, type ReactNode } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { toProblem } from '../../common/api-error';
import { ProblemAlert } from '../../common/ProblemAlert';
import {
  asSentence,
  groupNotChecked,
  inLocale,
  placeOf,
  wordFinding,
  type Analysis,
  type Finding,
} from './analysis-model';
import { SEVERITY_COLOURS, SEVERITY_ICONS } from './FindingList';

const SEVERITIES = ['error', 'warning', 'info'] as const;

interface Props {
  version: number;
  analysis: { data?: Analysis; isPending: boolean; error: unknown };
  /** The version's definition, to name rows, rules and nodes. */
  definition: unknown;
  /** Shows the element a finding names in the editor; without it the findings are not links. */
  onReveal?: (path: string) => void;
  /** Said above the list, such as "save to analyse your changes". */
  notice?: ReactNode;
}

/**
 * The static analysis of one version: its findings by severity (errors block submission), each naming its place
 * and, in an editor, leading to it; then what it could not decide, said to be "not checked", never "ok".
 */
export const AnalysisPanel = ({ version, analysis, definition, onReveal, notice }: Props) => {
  const [showNotChecked, setShowNotChecked] = useState(false);
  const notCheckedId = useId();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data } = analysis;
  const finding = (f: Finding) => {
    const Icon = SEVERITY_ICONS[f.severity];
    const text = (
      <>
        <ListItemIcon sx={{ minWidth: 32 }}>
          <Icon sx={{ color: SEVERITY_COLOURS[f.severity] }} aria-hidden />
        </ListItemIcon>
        <ListItemText
          primary={
            <>
              <Box component="span" sx={{ fontWeight: 600, color: SEVERITY_COLOURS[f.severity] }}>
                {translate(`gabarit.analysis.severity.${f.severity}`)}
              </Box>{' '}
              {placeOf(f.path, definition, translate)} — {wordFinding(f, translate)}
            </>
          }
          secondary={asSentence(f.text, locale)}
        />
      </>
    );
    const key = `${f.kind}|${f.path}|${f.message}`;
    return onReveal ? (
      <ListItem key={key} disablePadding>
        <ListItemButton onClick={() => onReveal(f.path)}>{text}</ListItemButton>
      </ListItem>
    ) : (
      <ListItem key={key}>{text}</ListItem>
    );
  };
  const count = (severity: (typeof SEVERITIES)[number]) =>
    data?.findings.filter((f) => f.severity === severity).length ?? 0;
  return (
    <Box component="section" aria-labelledby="analysis-title" sx={{ mt: 3 }}>
      <Typography id="analysis-title" variant="h2" sx={{ fontSize: '1.25rem', mb: 1 }}>
        {translate('gabarit.analysis.title', { version })}
      </Typography>
      {notice}
      {analysis.error ? <ProblemAlert problem={toProblem(analysis.error)} /> : null}
      {analysis.isPending && !analysis.error && (
        <Typography color="text.secondary">{translate('gabarit.analysis.loading')}</Typography>
      )}
      {data && (
        <>
          {/* Wrapping: four counts in one row ran past a phone's edge. */}
          <Stack direction="row" spacing={1} useFlexGap sx={{ mb: 1, flexWrap: 'wrap' }}>
            {SEVERITIES.map((s) => (
              <Chip
                key={s}
                size="small"
                variant={count(s) ? 'filled' : 'outlined'}
                color={count(s) ? s : 'default'}
                label={translate(`gabarit.analysis.count_${s}`, { smart_count: count(s) })}
              />
            ))}
            <Chip
              size="small"
              variant="outlined"
              label={translate('gabarit.analysis.count_not_checked', { smart_count: data.notChecked.length })}
            />
          </Stack>
          {count('error') > 0 ? (
            <Alert severity="error" sx={{ mb: 1 }}>
              {translate('gabarit.analysis.errors_block', { smart_count: count('error') })}
            </Alert>
          ) : (
            data.findings.length === 0 && (
              <Alert severity="info" sx={{ mb: 1 }}>
                {translate('gabarit.analysis.none_found')}
              </Alert>
            )
          )}
          {data.findings.length > 0 && (
            <List dense aria-label={translate('gabarit.analysis.findings')}>
              {SEVERITIES.flatMap((s) => data.findings.filter((f) => f.severity === s)).map(finding)}
            </List>
          )}
          {data.notChecked.length > 0 && (
            <>
              <Typography variant="h3" sx={{ fontSize: '1.05rem', mt: 2 }}>
                {translate('gabarit.analysis.not_checked_title', { smart_count: data.notChecked.length })}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {translate('gabarit.analysis.not_checked_help')}
              </Typography>
              {/* Closed at first: on the pilots it lists 37 places, which pushed the diff and Try it off the page. */}
              <Button
                size="small"
                aria-expanded={showNotChecked}
                aria-controls={notCheckedId}
                onClick={() => setShowNotChecked((shown) => !shown)}
              >
                {translate(showNotChecked ? 'gabarit.analysis.hide_not_checked' : 'gabarit.analysis.show_not_checked', {
                  smart_count: data.notChecked.length,
                })}
              </Button>
              <Box
                id={notCheckedId}
                hidden={!showNotChecked}
                tabIndex={0}
                role="region"
                aria-label={translate('gabarit.analysis.not_checked_title', { smart_count: data.notChecked.length })}
                sx={{ maxHeight: 260, overflowY: 'auto' }}
              >
                <List dense>
                  {groupNotChecked(data.notChecked).map((group) => (
                    <ListItem key={group.text.en}>
                      <ListItemText
                        primary={
                          <>
                            <Box component="span" sx={{ fontWeight: 600 }}>
                              {translate('gabarit.analysis.not_checked')}
                            </Box>{' '}
                            {placesOnce(group.paths.map((path) => placeOf(path, definition, translate)))}
                          </>
                        }
                        secondary={asSentence(group.text, locale)}
                      />
                    </ListItem>
                  ))}
                </List>
              </Box>
            </>
          )}
          {data.checked.length > 0 && (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
              {translate('gabarit.analysis.checked')} {data.checkedText.map((c) => inLocale(c, locale)).join(' · ')}
            </Typography>
          )}
        </>
      )}
    </Box>
  );
};

/**
 * Places named once each, in order, « ×3 » after one the reason applies to three times (three conditions of one
 * named condition): the counts add up to the number of questions the panel says are not checked.
 */
function placesOnce(places: string[]): string {
  const counts = new Map<string, number>();
  for (const place of places) counts.set(place, (counts.get(place) ?? 0) + 1);
  return [...counts].map(([place, n]) => (n > 1 ? `${place} ×${n}` : place)).join(', ');
}
