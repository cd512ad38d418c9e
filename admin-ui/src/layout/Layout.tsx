import { useEffect, type ReactNode } from 'react';
import { useMediaQuery, type Theme } from '@mui/material';
import { AppBar, Layout as RaLayout, LoadingIndicator, LocalesMenuButton, UserMenu, useGetIdentity } from 'react-admin';
import { keepFocusAfterDialogs } from './focus-after-dialogs';
import { MuiLocale } from './MuiLocale';

// The user menu's accessible name is the name it shows (WCAG 2.5.3), not react-admin's generic "Profile". On a
// phone it shows an icon alone, which react-admin names with `label` as a message key, falling back to the
// English « Profile »: there it is the translated « Profil ».
const NamedUserMenu = () => {
  const { identity } = useGetIdentity();
  const small = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  return <UserMenu label={small ? 'ra.auth.user_menu' : (identity?.fullName ?? 'ra.auth.user_menu')} />;
};

// On a phone the language is named by its code, as Canada.ca does: « Français » with its icons left the page's
// title « Ensemble… » at 390 px.
const SHORT_LANGUAGES = [
  { locale: 'fr', name: 'FR' },
  { locale: 'en', name: 'EN' },
];
const Toolbar = () => {
  const small = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  return (
    <>
      <LocalesMenuButton languages={small ? SHORT_LANGUAGES : undefined} icon={small ? null : undefined} />
      <LoadingIndicator />
    </>
  );
};

// Always shown: the editors keep their title and Save button in view under it, where a bar sliding back in on
// scroll-up would cover them.
const GabaritAppBar = () => <AppBar alwaysOn userMenu={<NamedUserMenu />} toolbar={<Toolbar />} />;

/**
 * react-admin's layout with the app bar above. Its content column is a flex item, which grows to its widest child
 * unless told it may shrink (min-width 0): a wide table then made the whole page scroll sideways, its page actions
 * out of view, instead of scrolling in its own box.
 */
export const Layout = ({ children }: { children: ReactNode }) => {
  useEffect(() => keepFocusAfterDialogs(), []);
  return (
    <MuiLocale>
      <RaLayout
        appBar={GabaritAppBar}
        sx={{
          minWidth: 0,
          '& .RaLayout-appFrame, & .RaLayout-contentWithSidebar, & .RaLayout-content': { minWidth: 0 },
        }}
      >
        {children}
      </RaLayout>
    </MuiLocale>
  );
};
