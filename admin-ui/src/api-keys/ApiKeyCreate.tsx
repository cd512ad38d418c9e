import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import { Create, SimpleForm, TextInput, required, useNotify, useRedirect, useTranslate } from 'react-admin';
import { formatScopes, parseScopes } from './scopes-input';

/** Creates a key, then shows its secret once in a dialog. */
export const ApiKeyCreate = () => {
  const translate = useTranslate();
  const redirect = useRedirect();
  const notify = useNotify();
  const [secret, setSecret] = useState<string | undefined>();
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
      <Create
        title="gabarit.create_titles.api-keys"
        mutationOptions={{ onSuccess: (data) => setSecret(String(data['key'])) }}
        redirect={false}
      >
        <SimpleForm>
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
        </SimpleForm>
      </Create>
      <Dialog open={secret !== undefined} aria-labelledby="api-key-created-title">
        <DialogTitle id="api-key-created-title">{translate('gabarit.api_keys.created_title')}</DialogTitle>
        <DialogContent>
          <Alert severity="warning" sx={{ mb: 2 }}>
            {translate('gabarit.api_keys.created_warning')}
          </Alert>
          <TextField
            label={translate('resources.api-keys.fields.key')}
            value={secret ?? ''}
            fullWidth
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
