import AddIcon from '@mui/icons-material/Add';
import { Button, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';

// The server's slug rule for names: lowercase letters, digits and dashes.
const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Names a new condition the rules can then share (it starts with one condition to edit). */
export const NewNamedCondition = ({ taken, onAdd }: { taken: string[]; onAdd: (name: string) => void }) => {
  const translate = useTranslate();
  const [name, setName] = useState('');
  const problem = !name
    ? undefined
    : !SLUG.test(name)
      ? 'gabarit.editors.problems.name_format'
      : taken.includes(name)
        ? 'gabarit.editors.problems.duplicate_id'
        : undefined;
  return (
    <Stack direction="row" spacing={1} sx={{ mt: 1, alignItems: 'flex-start' }}>
      <TextField
        size="small"
        label={translate('gabarit.editors.new_named_condition')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={!!problem}
        helperText={problem ? translate(problem, { id: name }) : undefined}
      />
      <Button
        startIcon={<AddIcon />}
        disabled={!name || !!problem}
        onClick={() => {
          onAdd(name);
          setName('');
        }}
      >
        {translate('gabarit.editors.add_named_condition')}
      </Button>
    </Stack>
  );
};
