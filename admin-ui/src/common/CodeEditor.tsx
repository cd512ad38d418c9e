import { json, jsonParseLinter } from '@codemirror/lang-json';
import { linter, lintGutter } from '@codemirror/lint';
import { EditorView } from '@codemirror/view';
import { FormHelperText, FormLabel, Box } from '@mui/material';
import CodeMirror from '@uiw/react-codemirror';
import { useId, useMemo } from 'react';
import { useLocaleState } from 'react-admin';
import { editorPhrases } from './editor-phrases';
import { handlebarsLanguage } from './handlebars-language';

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  language: 'json' | 'handlebars';
  /** Problems to show under the editor (live parse errors, or the API's messages for this field). */
  errors?: string[];
  minHeight?: string;
  readOnly?: boolean;
}

/**
 * CodeMirror, bundled with the console (no CDN), labelled for screen readers. Tab moves focus out of the
 * editor as everywhere else in the console, so keyboard users are never trapped in it.
 */
export const CodeEditor = ({
  label,
  value,
  onChange,
  language,
  errors = [],
  minHeight = '200px',
  readOnly = false,
}: Props) => {
  const id = useId();
  const [locale] = useLocaleState();
  const extensions = useMemo(
    () => [
      editorPhrases(locale),
      ...(language === 'json' ? [json(), linter(jsonParseLinter()), lintGutter()] : [handlebarsLanguage]),
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({
        // The text is what scrolls: an explicit tab stop lets keyboard users reach it (and scroll) even when
        // read-only, and is what axe's scrollable-region-focusable rule looks for (contenteditable alone is not).
        tabindex: '0',
        'aria-labelledby': `${id}-label`,
        'aria-describedby': `${id}-errors`,
        'aria-invalid': errors.length ? 'true' : 'false',
      }),
    ],
    [language, id, errors.length, locale],
  );
  return (
    <Box sx={{ my: 1 }}>
      <FormLabel id={`${id}-label`} error={errors.length > 0} sx={{ display: 'block', mb: 0.5 }}>
        {label}
      </FormLabel>
      <Box
        sx={{ border: 1, borderColor: errors.length ? 'error.main' : 'divider', borderRadius: 1, overflow: 'hidden' }}
      >
        <CodeMirror
          value={value}
          onChange={onChange}
          extensions={extensions}
          minHeight={minHeight}
          maxHeight="70vh"
          readOnly={readOnly}
          indentWithTab={false}
          basicSetup={{ foldGutter: true, highlightActiveLine: false }}
        />
      </Box>
      <Box id={`${id}-errors`} aria-live="polite">
        {errors.map((message) => (
          <FormHelperText key={message} error>
            {message}
          </FormHelperText>
        ))}
      </Box>
    </Box>
  );
};
