import { MenuItem, TextField, type SxProps } from '@mui/material';
import { useTranslate } from 'react-admin';
import { versionNumbers } from '../common/lifecycle/version-pair';
import type { PromptRecord } from './prompt-record';

/** Chooses one of a prompt's versions, newest first, the draft named as such (diff, tests and evaluations). */
export const VersionPicker = ({
  record,
  label,
  value,
  onChange,
  sx,
}: {
  record: Pick<PromptRecord, 'versions' | 'draftVersion'>;
  /** A translation key. */
  label: string;
  value: number;
  onChange: (version: number) => void;
  sx?: SxProps;
}) => {
  const translate = useTranslate();
  return (
    <TextField
      select
      size="small"
      label={translate(label)}
      value={value}
      onChange={(e) => onChange(Number(e.target.value))}
      sx={{ width: 240, ...sx }}
    >
      {versionNumbers(record.versions).map((n) => (
        <MenuItem key={n} value={n}>
          {translate(n === record.draftVersion ? 'gabarit.prompts.draft_n' : 'gabarit.lifecycle.version_n', {
            version: n,
          })}
        </MenuItem>
      ))}
    </TextField>
  );
};
