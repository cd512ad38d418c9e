import { Alert, Box, Typography } from '@mui/material';
import { useState } from 'react';
import { LocalesMenuButton, Login, LoginForm, useTranslate } from 'react-admin';
import { sessionEnded } from '../session';

/**
 * The sign-in page: the product's name and what it is for, the form, and the language switch (react-admin's own
 * page had a lock icon only, and the language could be changed only once signed in).
 */
export const SignIn = () => {
  const translate = useTranslate();
  // Sent here by a session that ended mid-work (expired, or ended on another device): said, with what was kept.
  const [ended] = useState(sessionEnded);
  return (
    <Login>
      <Box component="header" sx={{ px: 2, textAlign: 'center' }}>
        <Typography variant="h5" component="h1">
          {translate('gabarit.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {translate('gabarit.sign_in.tagline')}
        </Typography>
      </Box>
      {ended && (
        <Alert severity="info" sx={{ mx: 2, mt: 1, maxWidth: 268 }}>
          {translate('gabarit.auth.session_ended')}
        </Alert>
      )}
      <LoginForm />
      <Box sx={{ display: 'flex', justifyContent: 'center', pb: 1 }}>
        <LocalesMenuButton />
      </Box>
    </Login>
  );
};
