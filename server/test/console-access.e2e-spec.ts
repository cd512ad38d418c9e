import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ACTIONS, may, RESOURCE_ROLES } from '../../admin-ui/src/layout/access.js';
import { startTestApp, type TestApp } from './support/test-app.js';

type Document = { paths: Record<string, Record<string, { description?: string }>> };

// The console shows each action to the roles its table names (admin-ui/src/layout/access.ts). Those must be the
// roles the API accepts on the action's routes, as its OpenAPI document states them ("Console roles: …"): a
// button for a role the API refuses ends in a 403, and a role the table forgets never sees the button.
describe('who the console offers each action to', () => {
  let t: TestApp;
  let doc: Document;
  beforeAll(async () => {
    t = await startTestApp('console-access');
    doc = (await t.http.get('/api/docs-json')).body as Document;
  });
  afterAll(() => t.close());

  /** The roles the document states for "METHOD /path"; undefined when the route is not in it. */
  const documentedRoles = (route: string): string[] | undefined => {
    const [method, path] = route.split(' ') as [string, string];
    const description = doc.paths[path]?.[method.toLowerCase()]?.description;
    if (description === undefined) return undefined;
    return /Console roles: ([^.]*)\./.exec(description)?.[1]?.split(', ') ?? [];
  };

  it.each([
    ...Object.entries(ACTIONS).map(([action, { roles, routes }]) => [action, roles, routes] as const),
    ...Object.entries(RESOURCE_ROLES).map(([resource, { roles, routes }]) => [resource, roles, routes] as const),
  ])('%s: the roles the API accepts on its routes', (_name, roles, routes) => {
    expect(routes.length).toBeGreaterThan(0);
    for (const route of routes)
      expect([route, [...(documentedRoles(route) ?? ['not in the document'])].sort()]).toEqual([
        route,
        [...roles].sort(),
      ]);
  });

  it('offers an action to someone holding any one of its roles, and to no one else', () => {
    expect(may('decideReview', ['analyst', 'risk'])).toBe(true);
    expect(may('decideReview', ['analyst'])).toBe(false);
    expect(may('writeDrafts', undefined)).toBe(false);
  });
});
