import { screen } from '@testing-library/react';
import type { ComponentType } from 'react';
import { ResourceContextProvider } from 'react-admin';
import { Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { experiments } from '../../experiments';
import { prompts } from '../../prompts';
import { rulesets } from '../../rulesets';
import { fakeApi, renderConsole } from '../testing/fake-api';

// A stopped experiment, an archived rule set or prompt, as GET /{resource}/{key} gives it: no draft, nothing in force.
const archivedRecord = (key: string) => ({
  id: key,
  key,
  name: 'Archivé',
  archived: true,
  activeVersion: null,
  draftVersion: null,
  latestVersion: 1,
  versions: [{ number: 1, status: 'retired', authors: ['analyste'] }],
});

const editors: [string, ComponentType][] = [
  ['experiments', experiments.edit as ComponentType],
  ['rulesets', rulesets.edit as ComponentType],
  ['prompts', prompts.edit as ComponentType],
];

afterEach(() => {
  localStorage.clear();
});

describe('an archived resource opened in its editor by its address', () => {
  it.each(editors)(
    '%s: says it can no longer change, with no form to fill in and nothing sent',
    async (resource, Editor) => {
      const api = fakeApi({
        [`GET /api/v1/${resource}/ancien`]: { body: archivedRecord('ancien'), headers: { ETag: 'W/"rev-3"' } },
        // Whatever the editor reads besides, it must not matter: the page stops at the record.
        [`GET /api/v1/${resource}/ancien/versions/1`]: { body: { number: 1, content: {} } },
      });
      // At its address, as a bookmark opens it: the edit page takes its key from the route (the console's router
      // reads the hash).
      window.location.hash = `#/${resource}/ancien`;
      renderConsole(
        <ResourceContextProvider value={resource}>
          <Routes>
            <Route path={`/${resource}/:id`} element={<Editor />} />
          </Routes>
        </ResourceContextProvider>,
      );
      // The console typesets French: a no-break space before the colon.
      expect((await screen.findByRole('alert')).textContent?.replace(/\s/g, ' ')).toContain(
        'Cet élément est archivé : il ne peut plus être modifié.',
      );
      expect(screen.queryByRole('button', { name: /Enregistrer/ })).toBeNull();
      expect(screen.queryByRole('textbox')).toBeNull();
      expect(api.calls.filter((c) => c.method !== 'GET')).toEqual([]);
    },
  );
});
