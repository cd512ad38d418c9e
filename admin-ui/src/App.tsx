import { Admin, CustomRoutes, Resource } from 'react-admin';
import { apiKeys } from './api-keys';
import { audit } from './audit';
import { authProvider } from './authProvider';
import { Dashboard } from './dashboard/Dashboard';
import { dataProvider } from './dataProvider';
import { i18nProvider } from './i18n/i18nProvider';
import { rulesets } from './rulesets';

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
        {/* Resources appear once signed in: registering one for a signed-out visitor delayed the sign-in page by 13 s. */}
        {roles?.length ? <Resource name="rulesets" {...rulesets} /> : null}
        {roles?.some((role) => role === 'risk' || role === 'admin') ? <Resource name="audit" {...audit} /> : null}
        {roles?.includes('admin') ? <Resource name="api-keys" {...apiKeys} /> : null}
        <CustomRoutes>{[]}</CustomRoutes>
      </>
    )}
  </Admin>
);
