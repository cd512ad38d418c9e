import { Box, Typography } from '@mui/material';
import { LocalesMenuButton, Login, LoginForm, useTranslate } from 'react-admin';

/**
 * The sign-in page: the product's name and what it is for, the form, and the language switch (react-admin's own
 * page had a lock icon only, and the language could be changed only once signed in).
 */
export const SignIn = () => {
  const translate = useTranslate();
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
      <LoginForm />
      <Box sx={{ display: 'flex', justifyContent: 'center', pb: 1 }}>
        <LocalesMenuButton />
      </Box>
    </Login>
  );
};
