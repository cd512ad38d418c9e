import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { projectRoot } from '../../common/project-root.js';
import { knownOrganizations, licenceOf, linkProblems } from './catalogue-rules.js';
import type { Dataset } from './catalogue.service.js';

const seeded = (
  JSON.parse(readFileSync(join(projectRoot(), 'seeds', 'catalogue', 'datasets.json'), 'utf8')) as {
    result: { count: number; results: Dataset[] };
  }
).result;
const organizations = knownOrganizations();
const arbres = seeded.results.find((d) => d.name === 'vmtl-arbres')!;

// Offline: the portal is out of reach here, so each seeded link is checked for the form a real one has.
describe('the seeded catalogue links', () => {
  it('are each a dataset page of the portal, named as its publisher names datasets, by a known organisation', () => {
    expect(seeded.results.flatMap((d) => linkProblems(d, organizations))).toEqual([]);
    expect(seeded.count).toBe(seeded.results.length);
    expect(new Set(seeded.results.map((d) => d.name)).size).toBe(seeded.results.length);
  });

  it('names each organisation with the title its known slug has', () => {
    for (const d of seeded.results)
      expect([d.name, d.organization.title]).toEqual([d.name, organizations.get(d.organization.name)?.title]);
  });

  it('has a source for every known organisation slug', () => {
    for (const [, { source }] of organizations) expect(source.length).toBeGreaterThan(20);
  });

  it('holds no dataset of live outages: Hydro-Québec publishes outages on Info-pannes, not on the portal', () => {
    expect(seeded.results.filter((d) => /\bpannes?\b/i.test(`${d.name} ${d.title}`))).toEqual([]);
  });

  it.each([
    [
      { ...arbres, name: 'arbres-publics', url: 'https://www.donneesquebec.ca/recherche/dataset/arbres-publics' },
      /names its datasets like/,
    ],
    [
      { ...arbres, url: 'https://www.donneesquebec.ca/recherche/fr/dataset/vmtl-arbres' },
      /is not https:\/\/www.donneesquebec.ca\/recherche\/dataset\/vmtl-arbres/,
    ],
    [
      { ...arbres, organization: { name: 'ministere-de-l-environnement-de-la-lutte-contre-les-changeme', title: 'x' } },
      /not a known slug/,
    ],
    [
      { ...arbres, name: 'vque_12', url: 'https://www.donneesquebec.ca/recherche/dataset/vque_12' },
      /a ville-de-quebec name published by ville-de-montreal/,
    ],
    [{ ...arbres, license_id: 'proprietary' }, /unknown licence/],
    [
      { ...arbres, name: 'Arbres Publics', url: 'https://www.donneesquebec.ca/recherche/dataset/Arbres Publics' },
      /not a CKAN dataset name/,
    ],
  ])('refuses a link that cannot exist (%#)', (dataset, problem) => {
    expect(linkProblems(dataset as Dataset, organizations)).toContainEqual(expect.stringMatching(problem));
  });

  it('says licences in words, CKAN title for one it does not know', () => {
    expect(licenceOf({ license_id: 'cc-by-nc-sa' })).toBe('CC BY-NC-SA 4.0');
    expect(licenceOf({ license_id: 'ogl', license_title: 'Licence du gouvernement ouvert' })).toBe(
      'Licence du gouvernement ouvert',
    );
  });
});
