import { Admin, CustomRoutes, reactRouterProvider, Resource } from 'react-admin';
import { apiKeys } from './api-keys';
import { audit } from './audit';
import { authProvider } from './authProvider';
import { Dashboard } from './dashboard/Dashboard';
import { dataProvider } from './dataProvider';
import { experiments } from './experiments';
import { i18nProvider } from './i18n/i18nProvider';
import { storeKeepingLocale } from './i18n/locale-store';
import { prompts } from './prompts';
import { referenceTables } from './reference-tables';
import { CatchAll } from './layout/CatchAll';
import { Layout } from './layout/Layout';
import { SignIn } from './layout/SignIn';
import { mayOpen } from './layout/access';
import { ReceiptPage } from './reviews/ReceiptPage';
import { reviews } from './reviews';
import { rulesets } from './rulesets';
import { users } from './users';
import { lightTheme } from './theme';

const { Route } = reactRouterProvider;
const store = storeKeepingLocale();

/** Registers resources only; each resource's screens live in its own folder. */
export const App = () => (
  <Admin
    title="Gabarit"
    dashboard={Dashboard}
    authProvider={authProvider}
    dataProvider={dataProvider}
    i18nProvider={i18nProvider}
    store={store}
    theme={lightTheme}
    layout={Layout}
    loginPage={SignIn}
    catchAll={CatchAll}
    requireAuth
    disableTelemetry
  >
    {(roles: string[] | undefined) => (
      <>
        {/* Resources appear once signed in: registering one for a signed-out visitor delayed the sign-in page by 13 s. */}
        {roles?.length ? <Resource name="rulesets" {...rulesets} /> : null}
        {roles?.length ? <Resource name="experiments" {...experiments} /> : null}
        {roles?.length ? <Resource name="prompts" {...prompts} /> : null}
        {roles?.length ? <Resource name="reference-tables" {...referenceTables} /> : null}
        {mayOpen('audit', roles) ? <Resource name="audit" {...audit} /> : null}
        {mayOpen('reviews', roles) ? <Resource name="reviews" {...reviews} /> : null}
        {mayOpen('api-keys', roles) ? <Resource name="api-keys" {...apiKeys} /> : null}
        {mayOpen('users', roles) ? <Resource name="users" {...users} /> : null}
        <CustomRoutes>
          {roles?.length ? [<Route key="receipt" path="/decisions/:id/receipt" element={<ReceiptPage />} />] : []}
        </CustomRoutes>
      </>
    )}
  </Admin>
);
