import { Chip, Stack } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

/** A user's roles as chips, in the reader's language. */
export const RolesField = () => {
  const record = useRecordContext<{ roles?: string[] }>();
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {(record?.roles ?? []).map((role) => (
        <Chip key={role} size="small" label={translate(`gabarit.roles.${role}`, { _: role })} />
      ))}
    </Stack>
  );
};
