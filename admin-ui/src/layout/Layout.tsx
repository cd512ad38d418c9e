import type { ReactNode } from 'react';
import { AppBar, Layout as RaLayout, UserMenu, useGetIdentity } from 'react-admin';

// The user menu's accessible name is the name it shows (WCAG 2.5.3), not react-admin's generic "Profile".
const NamedUserMenu = () => {
  const { identity } = useGetIdentity();
  return <UserMenu label={identity?.fullName ?? 'ra.auth.user_menu'} />;
};

const GabaritAppBar = () => <AppBar userMenu={<NamedUserMenu />} />;

/** react-admin's layout with the app bar above. */
export const Layout = ({ children }: { children: ReactNode }) => <RaLayout appBar={GabaritAppBar}>{children}</RaLayout>;
