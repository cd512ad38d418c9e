import ErrorIcon from '@mui/icons-material/Error';
import InfoIcon from '@mui/icons-material/InfoOutlined';
import WarningIcon from '@mui/icons-material/WarningAmber';
import { Box, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { wordFinding, type Finding } from './analysis-model';

export const SEVERITY_ICONS = { error: ErrorIcon, warning: WarningIcon, info: InfoIcon } as const;
// The darker shades: the labels sit on the marked row's tinted background and must keep 4.5:1 there.
export const SEVERITY_COLOURS = { error: 'error.dark', warning: 'warning.dark', info: 'info.dark' } as const;

/** The analysis' findings on one element of the editor (a row, a cell, a rule, a branch): an icon and the message each. */
export const FindingList = ({ findings }: { findings: Finding[] }) => {
  const translate = useTranslate();
  if (findings.length === 0) return null;
  return (
    <Stack component="ul" spacing={0.5} sx={{ listStyle: 'none', p: 0, m: 0, mt: 0.5 }}>
      {findings.map((f) => {
        const Icon = SEVERITY_ICONS[f.severity];
        return (
          <Box component="li" key={`${f.kind}|${f.path}|${f.message}`} sx={{ display: 'flex', gap: 0.5 }}>
            <Icon fontSize="small" sx={{ color: SEVERITY_COLOURS[f.severity], mt: '1px' }} aria-hidden />
            <Typography variant="body2">
              <Box component="span" sx={{ fontWeight: 600, color: SEVERITY_COLOURS[f.severity] }}>
                {translate(`gabarit.analysis.severity.${f.severity}`)}
              </Box>{' '}
              {wordFinding(f, translate)}
            </Typography>
          </Box>
        );
      })}
    </Stack>
  );
};
