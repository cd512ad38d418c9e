import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../common/project-root.js';
import type { Dataset } from './catalogue.service.js';

/** Where a dataset lives on Données Québec: the portal's CKAN page for its name. */
export const DATASET_URL = 'https://www.donneesquebec.ca/recherche/dataset/';

/** Publishers whose dataset names follow their own pattern on the portal (the name, not the title). */
export const CITY_NAME_PATTERNS: Record<string, RegExp> = {
  'ville-de-montreal': /^vmtl-[a-z0-9-]+$/,
  'ville-de-quebec': /^vque_\d+$/,
};

/** Licences the portal's datasets carry (CKAN license_id), with the words the chatbot says. */
export const LICENCES: Record<string, string> = {
  'cc-by': 'CC BY 4.0',
  'cc-by-sa': 'CC BY-SA 4.0',
  'cc-by-nc': 'CC BY-NC 4.0',
  'cc-by-nc-sa': 'CC BY-NC-SA 4.0',
  'cc-by-nd': 'CC BY-ND 4.0',
  'cc-by-nc-nd': 'CC BY-NC-ND 4.0',
  'cc-zero': 'CC0 1.0',
};

/** The licence in words: the known name, else CKAN's license_title, else its id. */
export function licenceOf(dataset: Pick<Dataset, 'license_id' | 'license_title'>): string {
  return LICENCES[dataset.license_id] ?? dataset.license_title ?? dataset.license_id;
}

/** Organisation slugs read from a source (seeds/catalogue/organizations.json); a seeded dataset names one of them. */
export function knownOrganizations(): Map<string, { title: string; source: string }> {
  const file = JSON.parse(readFileSync(join(projectRoot(), 'seeds', 'catalogue', 'organizations.json'), 'utf8')) as {
    organizations: { name: string; title: string; source: string }[];
  };
  return new Map(file.organizations.map(({ name, ...rest }) => [name, rest]));
}

/** What is wrong with a dataset's link and names, in words; empty when it could exist on the portal. */
export function linkProblems(dataset: Dataset, organizations: ReadonlyMap<string, unknown>): string[] {
  const problems: string[] = [];
  const { name, url } = dataset;
  const org = dataset.organization.name;
  // CKAN names: 2 to 100 lowercase letters, digits, - and _.
  if (!/^[a-z0-9_-]{2,100}$/.test(name)) problems.push(`${name}: not a CKAN dataset name`);
  if (url !== DATASET_URL + name) problems.push(`${name}: link ${url} is not ${DATASET_URL}${name}`);
  if (!organizations.has(org)) problems.push(`${name}: organisation "${org}" is not a known slug`);
  const pattern = CITY_NAME_PATTERNS[org];
  if (pattern && !pattern.test(name)) problems.push(`${name}: ${org} names its datasets like ${pattern}`);
  for (const [city, cityPattern] of Object.entries(CITY_NAME_PATTERNS))
    if (city !== org && cityPattern.test(name)) problems.push(`${name}: a ${city} name published by ${org}`);
  if (!Object.hasOwn(LICENCES, dataset.license_id)) problems.push(`${name}: unknown licence "${dataset.license_id}"`);
  for (const resource of dataset.resources)
    if (!resource.url.startsWith('https://')) problems.push(`${name}: resource link ${resource.url} is not https`);
  return problems;
}
