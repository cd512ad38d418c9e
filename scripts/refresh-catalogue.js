// Refreshes seeds/catalogue/datasets.json from the Données Québec CKAN API (package_search), keeping the fields
// the chatbot uses: name, title, notes, organization, tags, groups, license_id, license_title, resources, url.
//
//   node scripts/refresh-catalogue.js                  the datasets already seeded, by name (one request)
//   node scripts/refresh-catalogue.js --all            the whole catalogue, 1 000 datasets a request
//   node scripts/refresh-catalogue.js --input FILE     a saved package_search answer instead of the network
//   --output FILE                                      where to write (default seeds/catalogue/datasets.json)
//
// Plain Node 20 (global fetch), no dependency. Afterwards run the unit tests: a dataset from an organisation not
// in seeds/catalogue/organizations.json fails them until its slug is added there with its source.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const API = 'https://www.donneesquebec.ca/recherche/api/3/action/package_search';
export const DATASET_URL = 'https://www.donneesquebec.ca/recherche/dataset/';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SEED = join(root, 'seeds', 'catalogue', 'datasets.json');
const ROWS = 1000;
const NOTES_MAX = 600;

/** The result of a package_search answer, or an error saying why the answer is not one. */
export function resultOf(answer) {
  if (!answer || answer.success !== true || !Array.isArray(answer.result?.results))
    throw new Error(`not a successful package_search answer: ${JSON.stringify(answer?.error ?? answer).slice(0, 200)}`);
  return answer.result;
}

/** One CKAN package in the seed's fields; null for one the portal does not show (private, draft or deleted). */
export function toSeedDataset(pkg) {
  if (pkg.private === true || (pkg.state !== undefined && pkg.state !== 'active')) return null;
  if (typeof pkg.name !== 'string' || !pkg.organization?.name) return null;
  const text = (value) =>
    String(value ?? '')
      .replace(/\s+/g, ' ')
      .trim();
  const notes = text(pkg.notes);
  return {
    name: pkg.name,
    title: text(pkg.title),
    notes: notes.length > NOTES_MAX ? `${notes.slice(0, NOTES_MAX - 1)}…` : notes,
    organization: { name: pkg.organization.name, title: text(pkg.organization.title) },
    tags: (pkg.tags ?? []).map((t) => ({ name: text(t.display_name ?? t.name) })),
    groups: (pkg.groups ?? []).map((g) => ({ name: g.name, title: text(g.title ?? g.display_name) })),
    license_id: pkg.license_id ?? '',
    ...(pkg.license_title && { license_title: text(pkg.license_title) }),
    resources: (pkg.resources ?? [])
      .filter((r) => typeof r.url === 'string' && r.url.length > 0)
      .map((r) => ({ name: text(r.name), format: text(r.format).toUpperCase() || 'HTML', url: r.url })),
    url: DATASET_URL + pkg.name,
  };
}

/** The seed file from package_search results (several pages allowed), sorted by name, without duplicates. */
export function toSeedFile(results, help = 'Données Québec catalogue in CKAN package_search fields (see README).') {
  const byName = new Map();
  for (const pkg of results) {
    const dataset = toSeedDataset(pkg);
    if (dataset) byName.set(dataset.name, dataset);
  }
  const datasets = [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
  return { help, result: { count: datasets.length, results: datasets } };
}

/** package_search, page after page: the names given (fq on name) or, without names, every dataset. */
async function fetchAll(names) {
  const results = [];
  for (let start = 0; ; start += ROWS) {
    const params = new URLSearchParams({ rows: String(ROWS), start: String(start) });
    if (names) params.set('fq', `name:(${names.map((n) => `"${n}"`).join(' OR ')})`);
    const response = await fetch(`${API}?${params}`, { headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`${API} answered ${response.status}`);
    const result = resultOf(await response.json());
    results.push(...result.results);
    if (result.results.length === 0 || start + ROWS >= result.count) return results;
  }
}

async function main(args) {
  const option = (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const input = option('--input');
  const output = option('--output') ?? SEED;
  let results;
  if (input) results = resultOf(JSON.parse(readFileSync(input, 'utf8'))).results;
  else {
    const seeded = resultOf({ success: true, ...JSON.parse(readFileSync(SEED, 'utf8')) }).results.map((d) => d.name);
    results = await fetchAll(args.includes('--all') ? undefined : seeded);
    const missing = args.includes('--all') ? [] : seeded.filter((n) => !results.some((r) => r.name === n));
    if (missing.length > 0) console.warn(`Not on the portal any more, dropped: ${missing.join(', ')}`);
  }
  const file = toSeedFile(results);
  writeFileSync(output, JSON.stringify(file, null, 1) + '\n');
  console.log(`${file.result.count} dataset(s) written to ${output}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  main(process.argv.slice(2)).catch((err) => {
    console.error(`refresh-catalogue: ${err.message}`);
    process.exit(1);
  });
