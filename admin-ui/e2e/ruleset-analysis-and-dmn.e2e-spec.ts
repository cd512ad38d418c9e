import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import type { TestApp } from '../../server/test/support/test-app.js';
import { accessibilityViolations, signIn as signInAt, startConsole, type ConsoleUnderTest } from './support/console.js';

const SCREENSHOTS = 'docs/screenshots';

/** Discounts by order total, under hit policy unique: "petite" and "moyenne" both take totals under 100. */
const overlapping = {
  key: 'remises-chevauchement',
  name: 'Remises sur commande',
  pilot: 'invoices',
  format: 'decisionTable',
  inputSchema: {
    type: 'object',
    required: ['commande'],
    properties: {
      commande: { type: 'object', required: ['total'], properties: { total: { type: 'number', minimum: 0 } } },
    },
  },
  definition: {
    hitPolicy: 'unique',
    inputs: [{ id: 'total', label: 'Total', fact: 'commande', path: '$.total' }],
    rows: [
      { id: 'petite', cells: { total: { operator: 'lessThan', value: 100 } }, event: { type: 'aucune_remise' } },
      { id: 'moyenne', cells: { total: { operator: 'lessThan', value: 500 } }, event: { type: 'remise_5' } },
      {
        id: 'grande',
        cells: { total: { operator: 'greaterThanInclusive', value: 500 } },
        event: { type: 'remise_10' },
      },
    ],
  },
};

// The static analysis where analysts edit and approvers review, and decision tables in and out as DMN files.
describe('rule set analysis and DMN in the console', () => {
  let c: ConsoleUnderTest;
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    c = await startConsole('console_analysis');
    ({ t, browser, base } = c);
  });
  afterAll(async () => {
    await c?.close();
  });

  const signIn = (page: Page, username: string) => signInAt(page, base, username);

  it('shows an overlap under hit policy unique on its row, in the summary, and blocks submitting', async () => {
    const token = await t.login('analyst');
    const created = await t.http.post('/api/v1/rulesets').set('authorization', `Bearer ${token}`).send(overlapping);
    expect(created.status).toBe(201);
    const analysis = await t.http
      .get(`/api/v1/rulesets/${overlapping.key}/versions/1/analysis`)
      .set('authorization', `Bearer ${token}`);
    expect(analysis.body.findings).toContainEqual(
      expect.objectContaining({ kind: 'overlap', severity: 'error', path: '/definition/rows/1' }),
    );

    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    await signIn(page, 'analyst');
    await page.goto(`${base}/admin/#/rulesets/${overlapping.key}`);
    const row = page.locator('[data-analysis-path="/rows/1"]');
    await row.getByText(/Les lignes/).waitFor();
    expect(await row.textContent()).toMatch(/Erreur\s:\sLes lignes «\spetite\s» et «\smoyenne\s» peuvent s’appliquer/);
    expect(await page.locator('[data-analysis-path="/rows/0"]').textContent()).not.toMatch(/Les lignes/);
    const submit = page.getByRole('button', { name: 'Soumettre la version 1 pour revue' });
    expect(await submit.isDisabled()).toBe(true);
    await page.getByText(/Soumission impossible\s: l’analyse statique trouve une erreur/).waitFor();
    // The summary leads to the row.
    await page.getByRole('list', { name: 'Constats de l’analyse' }).getByRole('button').first().click();
    await expect(row.evaluate((el) => el === el.ownerDocument.activeElement)).resolves.toBe(true);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: `${SCREENSHOTS}/ruleset-analysis-fr.png`, animations: 'disabled' });
    expect(await accessibilityViolations(page)).toEqual([]);

    // The server says the same: submitting is refused for the error.
    const refused = await t.http
      .post(`/api/v1/rulesets/${overlapping.key}/versions/1/submit`)
      .set('authorization', `Bearer ${token}`)
      .send({});
    expect(refused.status).toBe(400);
    expect(refused.body.error).toBe('analysis_errors');

    // The rule set's page shows the same analysis for the version's review, and its DMN file.
    await page.goto(`${base}/admin/#/rulesets/${overlapping.key}/show`);
    const section = page.getByRole('region', { name: 'Analyse statique de la version 1' });
    await section.getByText(/Ligne «\smoyenne\s» — Les lignes «\spetite\s» et «\smoyenne\s»/).waitFor();
    // The server's own wording of the finding, in French, as a sentence: the hit policy's reason, typeset.
    await section
      .getByText(
        'Les lignes «\u00a0petite\u00a0» et «\u00a0moyenne\u00a0» peuvent correspondre à une même entrée\u202f; ' +
          'une seule ligne peut correspondre selon la politique du tableau',
        { exact: true },
      )
      .waitFor();
    expect(await section.textContent()).not.toContain('under unique');
    await section.getByRole('button', { name: 'Exporter en DMN' }).waitFor();
    await page.mouse.move(0, 0);
    await section.screenshot({ path: `${SCREENSHOTS}/ruleset-analysis-review-fr.png`, animations: 'disabled' });
    const download = page.waitForEvent('download');
    await section.getByRole('button', { name: 'Exporter en DMN' }).click();
    expect((await download).suggestedFilename()).toBe(`${overlapping.key}-v1.dmn`);
    await page.goto(`${base}/admin/#/rulesets/${overlapping.key}`);
    await row.getByText(/Les lignes/).waitFor();

    await page.getByRole('button', { name: /français/i }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await row.getByText(/Rows “petite” and “moyenne” can both match one input\./).waitFor();
    await page.getByText(/Cannot submit: the static analysis finds an error/).waitFor();
    await page
      .getByRole('list', { name: /findings/i })
      .getByText('under unique, at most one row may match', { exact: false })
      .waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/ruleset-analysis-en.png` });
    await context.close();
  });

  it('imports a DMN file: lists the cells it cannot map, then lands on the draft it creates', async () => {
    const token = await t.login('analyst');
    const exported = await t.http
      .get('/api/v1/rulesets/invoices-approval-routing/versions/1/dmn')
      .set('authorization', `Bearer ${token}`)
      .buffer(true)
      .parse((res, done) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => done(null, text));
      });
    expect(exported.status).toBe(200);
    const xml = exported.body as string;
    const dir = mkdtempSync(join(tmpdir(), 'dmn-'));
    const good = join(dir, 'routage.dmn');
    writeFileSync(good, xml);
    // The same table with a negated FEEL range in its first input entry: an « or » no row of cells can say.
    const bad = join(dir, 'routage-intervalle.dmn');
    writeFileSync(bad, xml.replace(/(<inputEntry\b[^>]*>\s*<text>)[^<]*(<\/text>)/, '$1not([1..5])$2'));

    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    await signIn(page, 'analyst');
    await page.goto(`${base}/admin/#/rulesets`);
    await page.getByRole('button', { name: 'Importer un fichier DMN' }).click();
    const dialog = page.getByRole('dialog', { name: 'Importer une table de décision DMN' });
    await dialog.getByLabel('Fichier DMN').setInputFiles(bad);
    await dialog.getByText('routage-intervalle.dmn').waitFor();
    await dialog.getByRole('textbox', { name: /Clé/ }).fill('routage-importe');
    await dialog.getByRole('button', { name: 'Importer', exact: true }).click();
    const alert = dialog.getByRole('alert');
    await alert.getByText(/Le fichier DMN contient des éléments qui ne peuvent pas être convertis/).waitFor();
    // The service's reason, worded in French by the console from its reason code and the cell's text.
    expect(await alert.getByRole('listitem').first().textContent()).toMatch(
      /^Règle 1, entrée 1 — «\snot\(\[1\.\.5\]\)\s»\s: un intervalle ne se convertit que seul dans sa cellule\s: avec not\(\) ou d’autres tests, c’est un «\sou\s» de comparaisons\/.*\/inputEntry\/0$/,
    );
    await page.screenshot({ path: `${SCREENSHOTS}/dmn-import-fr.png`, animations: 'disabled' });
    expect(await accessibilityViolations(page)).toEqual([]);

    await dialog.getByLabel('Fichier DMN').setInputFiles(good);
    await dialog.getByText('routage.dmn', { exact: true }).waitFor();
    await dialog.getByRole('button', { name: 'Importer', exact: true }).click();
    await page.getByText('Brouillon (version 1)').waitFor();
    expect(page.url()).toContain('/rulesets/routage-importe');
    await page.getByRole('table', { name: 'Table de décision' }).waitFor();
    const draft = await t.http
      .get('/api/v1/rulesets/routage-importe/versions/1')
      .set('authorization', `Bearer ${token}`);
    const source = await t.http
      .get('/api/v1/rulesets/invoices-approval-routing/versions/1')
      .set('authorization', `Bearer ${token}`);
    expect(draft.body.content.definition).toEqual(source.body.content.definition);
    await context.close();
  });
});
