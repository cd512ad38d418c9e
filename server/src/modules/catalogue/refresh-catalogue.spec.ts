import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { projectRoot } from '../../common/project-root.js';
import { knownOrganizations, linkProblems } from './catalogue-rules.js';
import type { Dataset } from './catalogue.service.js';

// scripts/refresh-catalogue.js fetches package_search from the portal; here it reads a saved answer instead.
const script = join(projectRoot(), 'scripts', 'refresh-catalogue.js');
const sample = join(projectRoot(), 'scripts', 'fixtures', 'package-search.sample.json');
const refresh = (input: string) => {
  const output = join(mkdtempSync(join(tmpdir(), 'gabarit-catalogue-')), 'datasets.json');
  const run = spawnSync(process.execPath, [script, '--input', input, '--output', output], { encoding: 'utf8' });
  return {
    run,
    read: () => JSON.parse(readFileSync(output, 'utf8')) as { result: { count: number; results: Dataset[] } },
  };
};

describe('refreshing the catalogue from a package_search answer', () => {
  it('keeps the seed fields of the datasets the portal shows, with their portal link and licence', () => {
    const { run, read } = refresh(sample);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^2 dataset\(s\) written to /);
    const { result } = read();
    expect(result.count).toBe(2);
    expect(result.results.map((d) => d.name)).toEqual(['exemple-licence-nc-sa', 'vmtl-arbres']);
    expect(result.results[1]).toEqual({
      name: 'vmtl-arbres',
      title: 'Arbres publics sur le territoire de la Ville',
      notes: 'Liste des arbres publics sur le territoire de la Ville de Montréal.',
      organization: { name: 'ville-de-montreal', title: 'Ville de Montréal' },
      tags: [{ name: 'Arbre' }, { name: 'Canopée' }],
      groups: [
        {
          name: 'environnement-ressources-naturelles-et-energie',
          title: 'Environnement, ressources naturelles et énergie',
        },
      ],
      license_id: 'cc-by',
      license_title: 'Creative Commons Attribution 4.0',
      resources: [
        {
          name: 'Arbres publics',
          format: 'CSV',
          url: 'https://donnees.montreal.ca/dataset/b89fd27d-4b49-461b-8e54-fa2b34a628c4/resource/64e28fe6-ef37-437a-972d-d1d3f1f7d891/download/arbres-publics.csv',
        },
      ],
      url: 'https://www.donneesquebec.ca/recherche/dataset/vmtl-arbres',
    });
    expect(result.results[0]).toMatchObject({ license_id: 'cc-by-nc-sa', resources: [{ format: 'ZIP' }] });
    expect(linkProblems(result.results[1]!, knownOrganizations())).toEqual([]);
  });

  it('refuses an answer that is not a successful package_search, and writes nothing', () => {
    const failed = join(mkdtempSync(join(tmpdir(), 'gabarit-catalogue-')), 'answer.json');
    writeFileSync(
      failed,
      JSON.stringify({ success: false, error: { __type: 'Search Query Error', message: 'bad fq' } }),
    );
    const { run } = refresh(failed);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/not a successful package_search answer.*bad fq/);
  });
});
