import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import { Create, DateInput, SimpleForm, TextInput, required, useNotify, useRedirect, useTranslate } from 'react-admin';
import { formErrors, type Problem } from '../common/api-error';
import { useCreateSubmit } from '../common/use-create-submit';
import { endOfDay, localDay } from '../common/dates';
import { formatScopes, parseScopes } from './scopes-input';
import { CreateHeading } from '../common/PageHeadings';

/** The end of the same day next year: a key nobody renews stops working within a year (the field may be emptied). */
const inAYear = () => {
  const day = new Date();
  day.setFullYear(day.getFullYear() + 1);
  return endOfDay(localDay(day));
};

/**
 * A refused scope is said by its rank and its text (« Portée n° 2, « receipts:enrolment » … »), not `/scopes/1`:
 * the rank in the list sent, blank lines and separators not counted, so the text names it beyond doubt.
 */
const scopeErrors =
  (translate: (key: string, options?: object) => string) => (problem: Problem, values: Record<string, unknown>) => {
    const errors = formErrors(problem, translate);
    const sent = Array.isArray(values['scopes'])
      ? (values['scopes'] as string[])
      : parseScopes(String(values['scopes'] ?? ''));
    const refused = problem.details.flatMap(({ path }) => {
      const index = /^\/scopes\/(\d+)$/.exec(path)?.[1];
      return index === undefined
        ? []
        : [translate('gabarit.api_keys.scope_refused', { line: Number(index) + 1, scope: sent[Number(index)] ?? '' })];
    });
    return refused.length > 0 ? { ...errors, scopes: refused.join(' · ') } : errors;
  };

/** Creates a key, then shows its secret once in a dialog. */
export const ApiKeyCreate = () => {
  const translate = useTranslate();
  const redirect = useRedirect();
  const notify = useNotify();
  const [secret, setSecret] = useState<string | undefined>();
  const submit = useCreateSubmit('api-keys', {
    fields: ['name', 'scopes', 'expiresAt'],
    // An emptied expiry date means a key that does not expire: nothing is sent.
    transform: (data) => ({ ...data, expiresAt: data['expiresAt'] || undefined }),
    onCreated: (created) => setSecret(String(created['key'])),
    errorsOf: scopeErrors(translate),
  });
  // The secret is shown once: copying it must not depend on selecting a long string by hand.
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret ?? '');
      notify('gabarit.api_keys.copied', { type: 'success' });
    } catch {
      notify('gabarit.api_keys.copy_failed', { type: 'warning' });
    }
  };
  return (
    <>
      <Create title="gabarit.create_titles.api-keys" redirect={false}>
        <CreateHeading />
        <SimpleForm onSubmit={submit}>
          <TextInput source="name" validate={required()} />
          <TextInput
            source="scopes"
            multiline
            minRows={2}
            validate={required()}
            parse={parseScopes}
            format={formatScopes}
            helperText="gabarit.api_keys.scopes_help"
          />
          <DateInput
            source="expiresAt"
            defaultValue={inAYear()}
            // Null, not undefined, when emptied: undefined would bring the default back.
            parse={(day: string) => endOfDay(day) ?? null}
            helperText="gabarit.api_keys.expires_help"
            slotProps={{ htmlInput: { min: localDay(new Date(Date.now() + 86_400_000)) } }}
          />
        </SimpleForm>
      </Create>
      <Dialog open={secret !== undefined} aria-labelledby="api-key-created-title">
        <DialogTitle id="api-key-created-title">{translate('gabarit.api_keys.created_title')}</DialogTitle>
        <DialogContent>
          <Alert severity="warning" sx={{ mb: 2 }}>
            {translate('gabarit.api_keys.created_warning')}
          </Alert>
          {/* Wrapped, in a fixed-width font: on one line the secret ran past the field's edge, its end out of sight. */}
          <TextField
            label={translate('resources.api-keys.fields.key')}
            value={secret ?? ''}
            fullWidth
            multiline
            sx={{ '& textarea': { fontFamily: 'monospace', wordBreak: 'break-all' } }}
            slotProps={{ htmlInput: { readOnly: true, 'data-testid': 'api-key-secret' } }}
            onFocus={(event) => event.target.select()}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => void copy()} startIcon={<ContentCopyIcon />}>
            {translate('gabarit.api_keys.copy')}
          </Button>
          <Button onClick={() => redirect('list', 'api-keys')} variant="contained">
            {translate('gabarit.api_keys.done')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
