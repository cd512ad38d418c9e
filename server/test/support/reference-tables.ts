import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A small suppliers table with every column type, for tests of reference tables through the API and the console. */
export function suppliersTable(key: string, name = 'Fournisseurs') {
  return {
    key,
    name,
    keyColumn: 'neq',
    columns: [
      { name: 'neq', type: 'string' },
      { name: 'name', type: 'string', required: true },
      { name: 'onRena', type: 'boolean' },
      { name: 'creditLimit', type: 'number' },
      { name: 'since', type: 'date' },
    ],
    rows: [
      { neq: '1145678901', name: 'Fournitures Laval inc.', onRena: false, creditLimit: 50000, since: '2019-04-01' },
      { neq: '2245678901', name: 'Rénovations Dubé', onRena: true, creditLimit: 0, since: '2021-09-15' },
    ],
  };
}

/** The keys of the reference tables every fresh database starts with, seeded for the pilots (seeds/reference-tables). */
export const SEEDED_TABLES: readonly string[] = readdirSync('seeds/reference-tables')
  .filter((file) => file.endsWith('.json'))
  .map((file) => (JSON.parse(readFileSync(join('seeds/reference-tables', file), 'utf8')) as { key: string }).key)
  .sort();

/** The seeded tables whose rows are invented for the demonstration, created empty in production (seeds/demo-rows.json). */
export const DEMO_ROW_TABLES: readonly string[] = JSON.parse(readFileSync('seeds/demo-rows.json', 'utf8')) as string[];
