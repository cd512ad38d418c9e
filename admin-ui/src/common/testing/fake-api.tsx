import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { AdminContext, Notification, ShowBase, SimpleShowLayout, type AuthProvider } from 'react-admin';
import { vi } from 'vitest';
import { dataProvider } from '../../dataProvider';
import { i18nProvider } from '../../i18n/i18nProvider';
import { lightTheme } from '../../theme';

/** A request as it left the console: what a spec checks (the URL, the If-Match, the body). */
export interface FakeCall {
  method: string;
  url: string;
  headers: Headers;
  body: unknown;
}

/** What the fake API answers: JSON with a status, and the ETag or other headers the real one sends. */
export interface FakeAnswer {
  status?: number;
  body?: unknown;
  /** A body that is not JSON (a DMN file), sent as it is. */
  text?: string;
  headers?: Record<string, string>;
}

/** A request body as the spec reads it: JSON parsed, anything else (a DMN file's XML) as its text. */
const jsonOrText = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
};

type Routes = Record<string, FakeAnswer | ((call: FakeCall) => FakeAnswer)>;

/**
 * Fakes the network edge only: fetch answers `METHOD url` (the whole URL, else its path without the query) from
 * `routes`, and keeps every call. A call to a URL the spec did not expect answers 404 not_found, so a screen that
 * calls the wrong URL shows an error and its spec fails.
 */
export function fakeApi(routes: Routes) {
  const calls: FakeCall[] = [];
  const fetchMock = vi.fn(async (url: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    // A file sent as it is (a DMN import) stays the Blob it was: the spec reads its bytes.
    const body = typeof init.body === 'string' ? jsonOrText(init.body) : (init.body ?? undefined);
    const call = { method, url, headers: new Headers(init.headers), body };
    calls.push(call);
    const route = routes[`${method} ${url}`] ?? routes[`${method} ${url.split('?')[0]}`];
    const answer = (typeof route === 'function' ? route(call) : route) ?? {
      status: 404,
      body: { error: 'not_found', message: `No fake route for ${method} ${url}`, details: [] },
    };
    const headers = new Headers({
      'Content-Type': answer.text === undefined ? 'application/json' : 'application/xml',
      ...answer.headers,
    });
    const status = answer.status ?? 200;
    const text = answer.text ?? JSON.stringify(answer.body ?? {});
    return new Response(status === 204 ? null : text, { status, headers });
  });
  vi.stubGlobal('fetch', fetchMock);
  return {
    calls,
    /** The calls made to one `METHOD url`. */
    to: (method: string, url: string) => calls.filter((c) => c.method === method && c.url === url),
  };
}

/** The API's error body, as every route answers failures. */
export const apiError = (status: number, error: string, message: string, details: object[] = []): FakeAnswer => ({
  status,
  body: { error, message, details },
});

const signedInAs = (roles: string[]): AuthProvider => ({
  login: async () => undefined,
  logout: async () => undefined,
  checkAuth: async () => undefined,
  checkError: async () => undefined,
  getIdentity: async () => ({ id: 'analyste', fullName: 'Analyste', roles }),
  getPermissions: async () => roles,
});

/** Renders under the console's own data provider, theme and French wording, with the notifications shown. */
export function renderConsole(ui: ReactNode, roles: string[] = ['analyst']) {
  return render(
    <AdminContext
      dataProvider={dataProvider}
      authProvider={signedInAs(roles)}
      i18nProvider={i18nProvider}
      theme={lightTheme}
    >
      {ui}
      <Notification />
    </AdminContext>,
  );
}

/** A show page's record context as the console's show pages give it: the record read by getOne, its parts once read. */
export const ShowPage = ({ resource, id, children }: { resource: string; id: string; children: ReactNode }) => (
  <ShowBase resource={resource} id={id}>
    <SimpleShowLayout>{children}</SimpleShowLayout>
  </ShowBase>
);
