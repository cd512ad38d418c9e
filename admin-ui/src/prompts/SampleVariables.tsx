import { Box, MenuItem, TextField, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { CodeEditor } from '../common/CodeEditor';

interface Props {
  text: string;
  onChange: (text: string) => void;
  tests: { name: string; variables: Record<string, unknown> }[];
  errors: string[];
}

/** The variables the preview renders with, as JSON; the prompt's test cases can fill them in one choice. */
export const SampleVariables = ({ text, onChange, tests, errors }: Props) => {
  const translate = useTranslate();
  return (
    <Box component="section" aria-labelledby="prompt-sample-title" sx={{ mt: 3 }}>
      <Typography id="prompt-sample-title" variant="h2" sx={{ fontSize: '1.1rem', mb: 1 }}>
        {translate('gabarit.prompts.sample_title')}
      </Typography>
      {tests.length > 0 && (
        <TextField
          select
          size="small"
          fullWidth
          label={translate('gabarit.prompts.sample_from_test')}
          value=""
          onChange={(e) => {
            const test = tests[Number(e.target.value)];
            if (test) onChange(JSON.stringify(test.variables, null, 2));
          }}
        >
          {tests.map((test, index) => (
            <MenuItem key={test.name} value={String(index)}>
              {test.name}
            </MenuItem>
          ))}
        </TextField>
      )}
      <CodeEditor
        label={translate('gabarit.prompts.sample_variables')}
        language="json"
        value={text}
        onChange={onChange}
        errors={errors}
        minHeight="140px"
      />
    </Box>
  );
};
