import { Admin, CustomRoutes, Resource } from 'react-admin';
import { apiKeys } from './api-keys';
import { authProvider } from './authProvider';
import { Dashboard } from './dashboard/Dashboard';
import { dataProvider } from './dataProvider';
import { i18nProvider } from './i18n/i18nProvider';

/** Registers resources only; each resource's screens live in its own folder. */
export const App = () => (
  <Admin
    title="Gabarit"
    dashboard={Dashboard}
    authProvider={authProvider}
    dataProvider={dataProvider}
    i18nProvider={i18nProvider}
    requireAuth
    disableTelemetry
  >
    {(roles: string[] | undefined) => (
      <>
        {roles?.includes('admin') ? <Resource name="api-keys" {...apiKeys} /> : null}
        <CustomRoutes>{[]}</CustomRoutes>
      </>
    )}
  </Admin>
);
