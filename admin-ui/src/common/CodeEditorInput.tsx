import { Box } from '@mui/material';
import { useInput, useResourceContext, useTranslate, type Validator } from 'react-admin';
import { CodeEditor } from './CodeEditor';

/** The CodeMirror editor as a react-admin form input (its errors, local or from the server, under it). */
export const CodeEditorInput = ({
  source,
  language,
  validate,
  minHeight,
}: {
  source: string;
  language: 'json' | 'handlebars';
  validate?: Validator;
  minHeight?: string;
}) => {
  const translate = useTranslate();
  const resource = useResourceContext();
  const { field, fieldState } = useInput({ source, validate });
  const message = fieldState.error?.message;
  return (
    <Box sx={{ width: '100%' }}>
      <CodeEditor
        label={translate(`resources.${resource}.fields.${source}`)}
        language={language}
        value={String(field.value ?? '')}
        onChange={field.onChange}
        errors={message ? [translate(message, { _: message })] : []}
        minHeight={minHeight}
      />
    </Box>
  );
};
