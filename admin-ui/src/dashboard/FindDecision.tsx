import SearchIcon from '@mui/icons-material/Search';
import { Box, Button, TextField, Typography } from '@mui/material';
import { useId, useState, type FormEvent } from 'react';
import { useGetIdentity, useRedirect, useTranslate } from 'react-admin';
import { may } from '../layout/access';

/**
 * Opens a decision's receipt from the reference a person reads out (« Référence de cet avis »): staff taking a
 * call had no field for it, only links from a review request or a trial run.
 */
export const FindDecision = () => {
  const translate = useTranslate();
  const redirect = useRedirect();
  const { identity } = useGetIdentity();
  const [reference, setReference] = useState('');
  const titleId = useId();
  if (!may('readReceipts', identity?.['roles'] as string[] | undefined)) return null;
  const open = (event: FormEvent) => {
    event.preventDefault();
    // Read out or pasted: spaces and a trailing period come with it, and capitals (references are lower case).
    const id = reference.trim().replace(/\.$/, '').toLowerCase();
    if (id) redirect(`/decisions/${encodeURIComponent(id)}/receipt`);
  };
  return (
    <Box component="section" aria-labelledby={titleId} sx={{ mb: 3 }}>
      <Typography id={titleId} variant="h2" sx={{ fontSize: '1.25rem', mb: 1 }}>
        {translate('gabarit.dashboard.find_decision')}
      </Typography>
      <Box
        component="form"
        onSubmit={open}
        sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', flexWrap: 'wrap' }}
      >
        <TextField
          size="small"
          label={translate('gabarit.dashboard.decision_reference')}
          helperText={translate('gabarit.dashboard.decision_reference_help')}
          value={reference}
          onChange={(e) => setReference(e.target.value)}
          // The theme makes text fields as wide as their form: this one is as wide as a reference.
          fullWidth={false}
          sx={{ width: 420, maxWidth: '100%' }}
        />
        <Button
          type="submit"
          variant="outlined"
          startIcon={<SearchIcon />}
          disabled={reference.trim() === ''}
          sx={{ mt: 0.5 }}
        >
          {translate('gabarit.dashboard.open_receipt')}
        </Button>
      </Box>
    </Box>
  );
};
