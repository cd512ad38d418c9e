import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import type { TestApp } from '../../server/test/support/test-app.js';
import { accessibilityViolations, signIn as signInAt, startConsole, type ConsoleUnderTest } from './support/console.js';
import { suppliersTable } from '../../server/test/support/reference-tables.js';

const SCREENSHOTS = 'docs/screenshots';

const suppliers = suppliersTable('fournisseurs', 'Fournisseurs autorisés');

type Row = Record<string, unknown>;

// The built console served by the real server on a real database, driven in Chromium.
describe('reference tables and audit trail in the console', () => {
  let c: ConsoleUnderTest;
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let analystToken: string;

  beforeAll(async () => {
    c = await startConsole('console_reference_audit');
    ({ t, browser, base } = c);
    analystToken = await t.login('analyst');
    // The pilot's own tables are seeded under other keys; the table the analyst edits is created through the API.
    const created = await t.http
      .post('/api/v1/reference-tables')
      .set('authorization', `Bearer ${analystToken}`)
      .send(suppliers);
    expect(created.status).toBe(201);
  });
  // A failed test leaves its page open; closing it keeps the next test's sign-in page from waiting behind it.
  const pages: Page[] = [];
  const newPage = async (options: Parameters<Browser['newPage']>[0] = {}) => {
    const page = await browser.newPage(options);
    pages.push(page);
    return page;
  };
  afterEach(async () => {
    for (const page of pages.splice(0)) await page.close().catch(() => undefined);
  });
  afterAll(async () => {
    await c?.close();
  });

  const signIn = (page: Page, username: string) => signInAt(page, base, username);

  const table = async (token = analystToken) => {
    const response = await t.http.get('/api/v1/reference-tables/fournisseurs').set('authorization', `Bearer ${token}`);
    return { body: response.body as { rev: number; rows: Row[] }, etag: response.headers['etag'] as string };
  };
  const cell = (page: Page, column: string, row: number) => page.getByLabel(`${column}, ligne ${row}`, { exact: true });

  it('lets an analyst create a table with typed columns, with the API problems on their fields', async () => {
    const page = await newPage({ viewport: { width: 1400, height: 1000 }, locale: 'fr-CA' });
    await signIn(page, 'analyst');
    await page.getByRole('menuitem', { name: /tables de référence/i }).click();
    await page.getByRole('link', { name: 'Créer' }).click();
    await page.getByRole('textbox', { name: 'Clé', exact: true }).fill('taux-taxes');
    await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Taux de taxes');
    await page.getByRole('textbox', { name: 'Nom de la colonne' }).nth(0).fill('province');
    for (const [i, [name, type]] of [
      ['rate', 'nombre'],
      ['province', 'date'],
    ].entries()) {
      await page.getByRole('button', { name: 'Ajouter' }).click();
      await page
        .getByRole('textbox', { name: 'Nom de la colonne' })
        .nth(i + 1)
        .fill(name!);
      await page
        .getByRole('combobox', { name: 'Type' })
        .nth(i + 1)
        .click();
      await page.getByRole('option', { name: type }).click();
    }
    await page.getByRole('combobox', { name: 'Colonne clé' }).click();
    await page.getByRole('option', { name: 'province' }).click();
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    // The API refuses the repeated column name; its message lands under the third name field.
    await page
      .getByText(/^«\sprovince\s» est déjà utilisé plus haut$/)
      .first()
      .waitFor();
    await expect(
      page.getByRole('textbox', { name: 'Nom de la colonne' }).nth(2).getAttribute('aria-invalid'),
    ).resolves.toBe('true');
    await page.getByRole('button', { name: 'Supprimer' }).nth(2).click();
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Aucune ligne pour le moment.').waitFor();
    const created = await t.http
      .get('/api/v1/reference-tables/taux-taxes')
      .set('authorization', `Bearer ${analystToken}`);
    expect(created.body).toMatchObject({
      name: 'Taux de taxes',
      keyColumn: 'province',
      columns: [
        { name: 'province', type: 'string' },
        { name: 'rate', type: 'number' },
      ],
      rowCount: 0,
    });
  });

  it('lets an analyst rename the table and a column after its creation, the column keeping its values', async () => {
    const rows = [
      { province: 'QC', rate: 9.975 },
      { province: 'ON', rate: 8 },
    ];
    const current = await t.http
      .get('/api/v1/reference-tables/taux-taxes')
      .set('authorization', `Bearer ${analystToken}`);
    const filled = await t.http
      .put('/api/v1/reference-tables/taux-taxes/rows')
      .set('authorization', `Bearer ${analystToken}`)
      .set('if-match', current.headers['etag'] as string)
      .send({ rows });
    expect(filled.status).toBe(200);
    const page = await newPage({ viewport: { width: 1280, height: 900 }, locale: 'fr-CA' });
    await signIn(page, 'analyst');
    await page.goto(`${base}/admin/#/reference-tables/taux-taxes/show`);
    await page.getByRole('button', { name: 'Modifier la définition' }).click();
    const dialog = page.getByRole('dialog', { name: /^Définition de la table «\sTaux de taxes\s»$/ });
    await dialog.getByRole('textbox', { name: 'Nom', exact: true }).fill('Taux de taxe de vente');
    const rate = dialog.getByRole('group', { name: 'Colonne 2' });
    await rate.getByRole('textbox', { name: 'Nom de la colonne' }).fill('taux_provincial');
    await rate.getByText(/^Renommée \(était «\srate\s»\)$/).waitFor();
    await dialog.getByRole('button', { name: 'Ajouter une colonne' }).click();
    await dialog
      .getByRole('group', { name: 'Colonne 3' })
      .getByRole('textbox', { name: 'Nom de la colonne' })
      .fill('depuis');
    expect(await accessibilityViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Enregistrer la définition' }).click();
    await page.getByText(/^Définition de la table «\sTaux de taxe de vente\s» enregistrée\.$/).waitFor();
    // The grid reads the new columns, the values kept under the new name.
    await page.getByRole('columnheader', { name: /^taux_provincial/ }).waitFor();
    await expect(page.getByLabel('taux_provincial, ligne 1', { exact: true }).inputValue()).resolves.toBe('9,975');
    const changed = await t.http
      .get('/api/v1/reference-tables/taux-taxes')
      .set('authorization', `Bearer ${analystToken}`);
    expect(changed.body).toMatchObject({
      name: 'Taux de taxe de vente',
      columns: [{ name: 'province' }, { name: 'taux_provincial', type: 'number' }, { name: 'depuis' }],
      rows: [
        { province: 'QC', taux_provincial: 9.975, depuis: null },
        { province: 'ON', taux_provincial: 8, depuis: null },
      ],
    });
  });

  it('fits the signing limits on a 1 280-pixel screen: each text whole, each row’s delete button in sight', async () => {
    const page = await newPage({ viewport: { width: 1280, height: 900 }, locale: 'fr-CA' });
    await signIn(page, 'analyst');
    await page.goto(`${base}/admin/#/reference-tables/signing-limits/show`);
    const label = cell(page, 'labelFr', 1);
    await expect(label.inputValue()).resolves.toBe("la ou le chef d'équipe");
    // Fixed 160-pixel cells read « la ou le chef d'équi » and pushed the delete buttons off the screen.
    expect(await label.evaluate((e) => e.scrollWidth <= e.clientWidth && e.scrollHeight <= e.clientHeight + 1)).toBe(
      true,
    );
    const remove = (await page.getByRole('button', { name: 'Supprimer la ligne 1' }).boundingBox())!;
    expect(remove.x + remove.width).toBeLessThanOrEqual(1280);
  });

  it('lets an analyst edit rows in the grid, with problems on their cells, and refuses a stale save', async () => {
    const page = await newPage({ viewport: { width: 1400, height: 1500 }, locale: 'fr-CA' });
    await signIn(page, 'analyst');
    await page.getByRole('menuitem', { name: /tables de référence/i }).click();
    await page.getByText('Fournisseurs autorisés').click();
    await expect(cell(page, 'creditLimit', 1).inputValue()).resolves.toBe('50\u00a0000');

    // A number in French, a new row with a word where a number goes: the console refuses to send it.
    await cell(page, 'creditLimit', 1).fill('75 000,50');
    // Leaving with rows not saved asks first (the edited limits were dropped without a word).
    await page.getByRole('menuitem', { name: /ensembles de règles/i }).click();
    await page.getByText('Quitter sans enregistrer ?').waitFor();
    // The grid keeps nothing once left: the dialog says so (it promised the edits would be offered back).
    await page.getByText(/elles seront perdues si vous quittez cette page/).waitFor();
    await page.getByRole('button', { name: 'Rester' }).click();
    await expect(cell(page, 'creditLimit', 1).inputValue()).resolves.toBe('75 000,50');
    await page.getByRole('button', { name: 'Ajouter une ligne' }).click();
    await cell(page, 'neq', 3).fill('1145678901');
    await cell(page, 'creditLimit', 3).fill('beaucoup');
    await page.getByRole('button', { name: 'Enregistrer les lignes' }).click();
    await page.getByText('Doit être un nombre, par exemple 1 234,56.').waitFor();
    await page.getByText(/1 cellule ne peut pas être lue/).waitFor();
    expect((await table()).body.rev).toBe(1);

    // Now readable, but the key repeats row 1 and the name is missing: the API's problems land on those cells.
    await cell(page, 'creditLimit', 3).fill('1 500');
    await cell(page, 'onRena', 3).selectOption('false');
    await page.getByRole('button', { name: 'Enregistrer les lignes' }).click();
    await page.getByText('Répète la clé « 1145678901 » de la ligne 1.').waitFor();
    await page.getByText('Valeur obligatoire.').waitFor();
    await expect(cell(page, 'name', 3).getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(cell(page, 'neq', 3).getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(cell(page, 'name', 1).getAttribute('aria-invalid')).resolves.toBe('false');
    await page.screenshot({ path: `${SCREENSHOTS}/reference-table-fr.png`, fullPage: true });
    expect((await table()).body.rev).toBe(1);

    // Corrected, and row 2 deleted: saved with If-Match.
    await cell(page, 'neq', 3).fill('3345678901');
    await cell(page, 'name', 3).fill('Ateliers Côté');
    await page.getByRole('button', { name: 'Supprimer la ligne 2' }).click();
    await page.getByRole('button', { name: 'Enregistrer les lignes' }).click();
    await page.getByText('Lignes enregistrées : la table compte 2 lignes.').waitFor();
    const saved = await table();
    expect(saved.body.rev).toBe(2);
    expect(saved.body.rows).toEqual([
      { neq: '1145678901', name: 'Fournitures Laval inc.', onRena: false, creditLimit: 75000.5, since: '2019-04-01' },
      { neq: '3345678901', name: 'Ateliers Côté', onRena: false, creditLimit: 1500, since: null },
    ]);

    // Someone else saves in between: the console says so and reloads their version on request.
    const other = await t.login('analyst2');
    const theirs = await t.http
      .put('/api/v1/reference-tables/fournisseurs/rows')
      .set('authorization', `Bearer ${other}`)
      .set('if-match', saved.etag)
      .send({
        rows: [
          ...saved.body.rows,
          { neq: '7745678901', name: 'Déneigement Tremblay', onRena: false, creditLimit: 900, since: '2023-11-01' },
        ],
      });
    expect(theirs.status).toBe(200);
    await cell(page, 'name', 1).fill('Fournitures Laval');
    await page.getByRole('button', { name: 'Enregistrer les lignes' }).click();
    await page.getByText(/Quelqu’un d’autre a modifié cette table/).waitFor();
    await page.getByRole('button', { name: 'Recharger la table' }).click();
    await expect(cell(page, 'name', 3).inputValue()).resolves.toBe('Déneigement Tremblay');
    await expect(cell(page, 'name', 1).inputValue()).resolves.toBe('Fournitures Laval inc.');
    expect((await table()).body.rev).toBe(3);
  });

  it('imports nothing from a CSV with a bad line, lists the problem by line and column, then imports a good file', async () => {
    const page = await newPage({ viewport: { width: 1400, height: 1500 }, locale: 'fr-CA' });
    await signIn(page, 'analyst');
    await page.goto(`${base}/admin/#/reference-tables/fournisseurs/show`);
    await cell(page, 'neq', 1).waitFor();
    const before = await table();

    const bad = [
      'neq;name;onRena;creditLimit;since',
      '5545678901;Plomberie Roy;non;1 000;2020-05-01',
      '6645678901;Toitures Nadeau;non;beaucoup;2020-06-01',
    ].join('\n');
    await page.getByLabel(/Contenu CSV/).fill(bad);
    // CSV waiting to be imported is work too: leaving asks first.
    await page.getByRole('menuitem', { name: /ensembles de règles/i }).click();
    await page.getByRole('button', { name: 'Rester' }).click();
    await page.getByRole('button', { name: 'Importer', exact: true }).click();
    const problems = page.getByRole('table', { name: 'Problèmes de l’import, par ligne' });
    await problems.getByRole('row', { name: /3 creditLimit Doit être un nombre/ }).waitFor();
    await page.getByText(/Aucune ligne n’a été importée \(1 problème\)/).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/reference-table-import-fr.png`, fullPage: true });
    expect((await table()).body).toEqual(before.body);

    // A file saved by French Excel (Windows-1252, semicolons, decimal commas) replaces every row.
    const good = [
      'neq;name;onRena;creditLimit;since',
      '1145678901;Fournitures Laval inc.;non;75 000,50;2019-04-01',
      '2245678901;Rénovations Dubé;oui;0;2021-09-15',
      '4445678901;Électricité Gagnon;non;12 500;2022-01-10',
    ].join('\r\n');
    await page
      .getByLabel('Fichier CSV', { exact: true })
      .setInputFiles({ name: 'fournisseurs.csv', mimeType: 'text/csv', buffer: Buffer.from(good, 'latin1') });
    // The file is read (and decoded) asynchronously into the text area.
    const csvText = page.getByRole('textbox', { name: /Contenu CSV/ });
    await page.waitForFunction(
      (area) => (area as unknown as { value: string }).value.includes('Électricité Gagnon'),
      await csvText.elementHandle(),
    );
    await page.getByRole('button', { name: 'Importer', exact: true }).click();
    await page.getByText('Import réussi : la table compte 3 lignes.').waitFor();
    await expect(cell(page, 'name', 3).inputValue()).resolves.toBe('Électricité Gagnon');
    const after = await table();
    expect(after.body.rows.map((r) => [r['neq'], r['name'], r['creditLimit']])).toEqual([
      ['1145678901', 'Fournitures Laval inc.', 75000.5],
      ['2245678901', 'Rénovations Dubé', 0],
      ['4445678901', 'Électricité Gagnon', 12500],
    ]);

    // A merge of two columns updates those two, and the mode says so before it is chosen.
    await page.getByRole('radio', { name: 'Ajouter ou mettre à jour par clé' }).check();
    const modes = page.getByRole('radiogroup', { name: 'Mode d’import' });
    await expect(modes.getAttribute('aria-describedby')).resolves.toBeTruthy();
    await page.getByText(/dans les seules colonnes de l’en-tête\s;\sles autres gardent leur valeur/).waitFor();
    await csvText.fill('neq;creditLimit\n2245678901;500');
    await page.getByRole('button', { name: 'Importer', exact: true }).click();
    await page.getByText('Import réussi : la table compte 3 lignes.').waitFor();
    expect((await table()).body.rows[1]).toMatchObject({
      neq: '2245678901',
      name: 'Rénovations Dubé',
      creditLimit: 500,
    });
  });

  it('shows nothing to change to a risk officer', async () => {
    const page = await newPage();
    await signIn(page, 'risk');
    await page.goto(`${base}/admin/#/reference-tables/fournisseurs/show`);
    await page.getByRole('cell', { name: 'Électricité Gagnon' }).waitFor();
    await expect(page.getByRole('button', { name: 'Enregistrer les lignes' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Importer', exact: true }).count()).resolves.toBe(0);
    // Every reader may take the rows away as CSV, which the import reads back.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exporter en CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('fournisseurs.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toMatch(/^\uFEFFneq;name;onRena;creditLimit;since\n/);
    expect(csv).toContain('4445678901;Électricité Gagnon;non;12500;2022-01-10');
    // The seeded table of twelve columns scrolls sideways with nothing in it to focus: its box takes the keyboard
    // (axe: scrollable-region-focusable).
    await page.goto(`${base}/admin/#/reference-tables/supplier-registrations/show`);
    await page.getByRole('region', { name: 'Lignes' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('keeps the audit trail’s filters and buttons within reach on a phone', async () => {
    const page = await newPage({ viewport: { width: 390, height: 844 }, locale: 'fr-CA' });
    await signIn(page, 'risk');
    await page.goto(`${base}/admin/#/audit`);
    const addFilter = page.getByRole('button', { name: 'Ajouter un filtre' });
    await addFilter.waitFor();
    // It was drawn at x = −57, off the screen, and the filters began under a blank screen (560 px of a row's
    // basis taken as height in a column).
    const button = (await addFilter.boundingBox())!;
    expect(button.x).toBeGreaterThanOrEqual(0);
    expect(button.x + button.width).toBeLessThanOrEqual(390);
    expect((await page.getByRole('combobox', { name: 'Type de ressource' }).boundingBox())!.y).toBeLessThan(400);
    // Named in French on a phone too: MUI's pagination said « Go to next page », react-admin's menu « Profile ».
    await page.getByRole('button', { name: 'Aller à la prochaine page' }).waitFor();
    await page.getByRole('button', { name: 'Profil' }).waitFor();
    // Each event's action and resource are on the screen, and an opened event fits it: in six columns only the
    // number, date and actor did, and the opened event was cut at the edge of a table scrolling sideways.
    const firstEvent = page.getByRole('row').nth(1);
    await firstEvent.getByRole('button', { name: /^Détail de l’événement n°/ }).waitFor();
    const rightmost = `Math.max(...[...document.querySelectorAll('tbody tr:first-child *')].map((e) => e.getBoundingClientRect().right))`;
    expect(await page.evaluate(rightmost)).toBeLessThanOrEqual(390);
    await firstEvent.getByRole('button', { name: /^Détail de l’événement n°/ }).click();
    const detail = page.getByRole('region', { name: /^Événement n°/ });
    await detail.getByText('Empreinte précédente').waitFor();
    for (const part of [
      detail.getByRole('heading').first(),
      detail.locator('dd').first(),
      detail.locator('dd').last(),
    ]) {
      const { x, width } = (await part.boundingBox())!;
      expect([x >= 0, x + width <= 390]).toEqual([true, true]);
    }
    expect(await page.evaluate('document.querySelector("table").scrollWidth')).toBeLessThanOrEqual(
      await page.evaluate('document.querySelector("table").parentElement.clientWidth'),
    );
    // Before and after, a key a block with each value a line under its name: in four columns a checksum stood four
    // characters a line and the change column was off the screen.
    const comparison = detail.getByRole('table', { name: 'Avant et après' });
    await comparison
      .getByText(/^Après\s:/)
      .first()
      .waitFor();
    const widest = await comparison.evaluate((table) =>
      Math.max(...[...table.querySelectorAll('td')].map((cell) => cell.getBoundingClientRect().right)),
    );
    expect(widest).toBeLessThanOrEqual(390);
    await page.keyboard.press('Escape');
    await addFilter.click();
    await page.getByRole('menu').getByText('Depuis le').waitFor();
  });

  it('lets a risk officer filter the audit trail, read an event before/after, verify the chain and export CSV', async () => {
    const page = await newPage({ viewport: { width: 1400, height: 1000 }, locale: 'fr-CA' });
    await signIn(page, 'risk');
    await page.getByRole('menuitem', { name: /journal d'audit/i }).click();
    // The newest events come first; the pilots' imports are found by their resource type.
    await page.getByRole('combobox', { name: 'Type de ressource' }).click();
    await page.getByRole('option', { name: 'Ensemble de règles' }).click();
    await page.getByText('Ensemble de règles importé').first().waitFor();

    await page.getByRole('combobox', { name: 'Type de ressource' }).click();
    await page.getByRole('option', { name: 'Table de référence' }).click();
    await page.getByText('Ensemble de règles importé').first().waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: 'Table de référence créée' }).nth(1).waitFor(); // fournisseurs and taux-taxes, beside the seeded tables
    await page.getByRole('textbox', { name: 'Ressource (clé exacte)' }).fill('fournisseurs');
    await page.getByRole('cell', { name: 'taux-taxes' }).first().waitFor({ state: 'detached' });
    const riskToken = await t.login('risk');
    const events = (
      await t.http
        .get('/api/v1/audit?resourceType=reference_table&resourceKey=fournisseurs')
        .set('authorization', `Bearer ${riskToken}`)
    ).body as { action: string; hash: string; prevHash: string; at: string }[];
    expect(events.map((e) => e.action)).toEqual([
      'reference_table.csv_merged',
      'reference_table.csv_imported',
      'reference_table.rows_replaced',
      'reference_table.rows_replaced',
      'reference_table.created',
    ]);
    await page.getByText('1-5 sur 5').waitFor();
    // The header and the five events, to a screen reader too: no empty row after each event for its closed detail.
    expect(await page.getByRole('table').getByRole('row').count()).toBe(6);
    // The newest first, and the header of the number column says so to a screen reader; a click turns it round.
    const sortedBy = async (header: string, order: 'ascending' | 'descending') => {
      await page.locator(`th[aria-sort="${order}"]`, { hasText: header }).waitFor();
      expect(await page.locator('th[aria-sort]').count()).toBe(1);
    };
    await sortedBy('N°', 'descending');
    await page.getByRole('columnheader', { name: 'Date' }).getByRole('button').click();
    await sortedBy('Date', 'ascending');
    await page.getByRole('columnheader', { name: 'N°' }).getByRole('button').click();
    await sortedBy('N°', 'ascending');
    await page.getByRole('columnheader', { name: 'N°' }).getByRole('button').click();
    await sortedBy('N°', 'descending');

    // A date range, in the browser's own days: from the day after the newest event finds nothing, from the day of
    // the oldest finds the five. The days come from the events, not the clock: a run that crosses midnight (CI did)
    // would otherwise filter from a day the events were not written on.
    const [firstDay, dayAfterLast, dayBeforeFirst] = await page.evaluate(
      ([oldest, newest]) => {
        const day = (at: string, shift: number) =>
          new Date(Date.parse(at) + shift * 86_400_000).toLocaleDateString('en-CA');
        return [day(oldest!, 0), day(newest!, 1), day(oldest!, -1)];
      },
      [events.at(-1)!.at, events[0]!.at],
    );
    await page.getByRole('button', { name: 'Ajouter un filtre' }).click();
    await page.getByRole('menuitemcheckbox', { name: 'Depuis le' }).click();
    // The keyboard is in the filter just added, not back on the button that added it.
    await page.waitForFunction("document.activeElement?.getAttribute('name') === 'from'", null, { timeout: 5000 });
    await page.getByLabel('Depuis le').fill(dayAfterLast!);
    await page.getByText('Aucun résultat trouvé avec les filtres actuels.').waitFor();
    await page.getByLabel('Depuis le').fill(firstDay!);
    await page.getByText('1-5 sur 5').waitFor();
    // A range that ends before it starts says why it finds nothing (it said « Aucun résultat » alone).
    await page.getByRole('button', { name: 'Ajouter un filtre' }).click();
    await page.getByRole('menuitemcheckbox', { name: /^Jusqu.au$/ }).click();
    await page.getByLabel(/^Jusqu.au$/).fill(dayBeforeFirst!);
    await page.getByText(/^La date «\sJusqu.au\s» précède la date «\sDepuis le\s»/).waitFor();
    await page.getByLabel(/^Jusqu.au$/).fill(dayAfterLast!);
    await page.getByText('1-5 sur 5').waitFor();
    const imported = events.find((e) => e.action === 'reference_table.csv_imported')!;
    await page.getByText('Table de référence remplacée par un import CSV').click();
    const comparison = page.getByRole('table', { name: 'Avant et après' });
    // In words, and the rows the import changed side by side, a row a line, each column named (they read as JSON).
    await comparison.getByRole('row', { name: 'Lignes 3 3 Inchangé' }).waitFor();
    const changedRows = comparison.getByRole('row', {
      name: /^Lignes ajoutées, retirées ou modifiées .*name\s:\s.* · neq\s:\s\d+ · .* Modifié$/,
    });
    await changedRows.waitFor();
    expect(await changedRows.textContent()).not.toContain('{"');
    await page.getByText(imported.hash).waitFor();
    await page.getByText(imported.prevHash).waitFor();
    await page.locator('.MuiCollapse-entered').waitFor(); // the panel has finished opening
    await page.screenshot({ path: `${SCREENSHOTS}/audit-event-fr.png`, fullPage: true });

    await page.getByRole('button', { name: 'Vérifier la chaîne' }).click();
    await page
      .getByRole('status')
      .getByText(/Chaîne intègre\s: \d+ événements vérifiés\./)
      .waitFor();
    // From « Aller au contenu », the first filter the keyboard reaches is clear of the app bar, not under it.
    await page.reload();
    await page.getByRole('textbox', { name: 'Ressource (clé exacte)' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').textContent()).toBe('Aller au contenu');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    const focused = (await page.locator(':focus').boundingBox())!;
    const appBar = (await page.locator('header').first().boundingBox())!;
    expect(focused.y).toBeGreaterThanOrEqual(appBar.y + appBar.height);

    const exportButton = page.getByRole('button', { name: 'Exporter en CSV' });
    await exportButton.focus();
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe('gabarit-audit.csv');
    // Said when it came, and the keyboard still on the button (it fell to the page's body while the file came).
    await page.getByRole('status').getByText('Fichier «\u00a0gabarit-audit.csv\u00a0» téléchargé.').waitFor();
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Exporter en CSV');
    const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    expect(csv.split(/\r?\n/)[0]).toBe(
      'seq,at,actor,action,resourceType,resourceKey,version,reason,summary,details,prevHash,hash',
    );
    expect(csv).toContain('reference_table.csv_imported');
    expect(csv).not.toContain('ruleset.imported'); // the export kept the list's filter

    await page.getByRole('button', { name: /français/i }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page
      .getByRole('table', { name: 'Before and after' })
      .getByRole('row', { name: /^Rows added, removed or changed .*name: .* · neq: \d+ · .* Changed$/ })
      .waitFor();
    await page.getByText('Reference table replaced by a CSV import').first().waitFor();
    await page.locator('.MuiCollapse-entered').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/audit-event-en.png`, fullPage: true });
  });

  it('holds a change to a table that published rules read until another person approves it', async () => {
    // A published rule set now reads the table.
    const approverToken = await t.login('approver');
    const post = (token: string, path: string, body: object = {}) =>
      t.http.post(path).set('authorization', `Bearer ${token}`).send(body);
    const ruleset = {
      key: 'controle-fournisseur',
      name: 'Contrôle fournisseur',
      pilot: 'invoices',
      format: 'rules',
      inputSchema: { type: 'object', required: ['neq'], properties: { neq: { type: 'string' } } },
      lookups: [{ fact: 'fournisseur', table: 'fournisseurs', key: { fact: 'neq' } }],
      definition: {
        rules: [
          {
            name: 'rena',
            conditions: { all: [{ fact: 'fournisseur', path: '$.onRena', operator: 'equal', value: true }] },
            event: { type: 'reject' },
          },
        ],
      },
    };
    expect((await post(analystToken, '/api/v1/rulesets', ruleset)).status).toBe(201);
    await post(analystToken, '/api/v1/rulesets/controle-fournisseur/versions/1/submit');
    await post(approverToken, '/api/v1/rulesets/controle-fournisseur/versions/1/approve');
    expect(
      (await post(approverToken, '/api/v1/rulesets/controle-fournisseur/versions/1/publish')).body.activeVersion,
    ).toBe(1);

    const analyst = await newPage({ viewport: { width: 1400, height: 1200 }, locale: 'fr-CA' });
    await signIn(analyst, 'analyst');
    await analyst.goto(`${base}/admin/#/reference-tables/fournisseurs/show`);
    await cell(analyst, 'onRena', 1).selectOption('true');
    // Why, for the approver: the API took a reason the console never asked for.
    await analyst
      .getByRole('textbox', { name: 'Motif de la modification (facultatif)' })
      .first()
      .fill('Inscrit au RENA le 1er décembre.');
    await analyst.getByRole('button', { name: 'Enregistrer les lignes' }).click();
    await analyst.getByText(/votre modification attend l’approbation d’une autre personne/).waitFor();
    const banner = analyst.getByTestId('pending-change');
    await banner.getByText(/Modification proposée par Analyste \(démo\)/).waitFor();
    await banner
      .getByText(
        /Lue par l’ensemble de règles controle-fournisseur \(publié maintenant ou avant, en révision ou approuvé\)/,
      )
      .waitFor();
    await banner.getByRole('button', { name: 'Retirer ma proposition' }).waitFor();
    // Nothing changed yet, and the grid waits for the decision.
    expect((await table()).body.rows[0]).toMatchObject({ neq: '1145678901', onRena: false });
    await expect(analyst.getByRole('button', { name: 'Enregistrer les lignes' }).count()).resolves.toBe(0);

    const approver = await newPage({ viewport: { width: 1400, height: 1200 }, locale: 'fr-CA' });
    await signIn(approver, 'approver');
    await approver.goto(`${base}/admin/#/reference-tables/fournisseurs/show`);
    const review = approver.getByTestId('pending-change');
    const changes = review.getByRole('table', { name: 'Lignes touchées par la modification, avant et après' });
    await changes.getByRole('row', { name: /1145678901 .*onRena\s: Non.* onRena\s: Oui/ }).waitFor();
    // The one value that changes is highlighted on both sides; the legend says so.
    expect(await changes.locator('mark').allTextContents()).toEqual(['onRena\u00a0: Non', 'onRena\u00a0: Oui']);
    await review.getByText('En surbrillance\u00a0: les valeurs qui changent.').waitFor();
    await review.getByText(/Commentaire\s:\sInscrit au RENA le 1er décembre\./).waitFor();
    // On a phone the change's rows are blocks: what it changes is on the screen, not off to the right.
    const phone = await newPage({ viewport: { width: 390, height: 844 }, locale: 'fr-CA' });
    await signIn(phone, 'approver');
    await phone.goto(`${base}/admin/#/reference-tables/fournisseurs/show`);
    const phoneMarks = phone.getByTestId('pending-change').locator('mark');
    await phoneMarks.first().waitFor();
    for (const mark of await phoneMarks.all()) {
      const { x, width } = (await mark.boundingBox())!;
      expect([x >= 0, x + width <= 390]).toEqual([true, true]);
    }
    await phone.getByTestId('pending-change').getByText('Après\u00a0:').waitFor();
    await phone.close();
    await approver.screenshot({ path: `${SCREENSHOTS}/reference-table-pending-fr.png`, fullPage: true });
    expect(await accessibilityViolations(approver)).toEqual([]); // the pending change and its buttons, on the warning alert
    await review.getByRole('button', { name: 'Approuver la modification' }).click();
    await approver.getByRole('dialog').waitFor();
    expect(await accessibilityViolations(approver)).toEqual([]);
    await approver.getByRole('dialog').getByRole('button', { name: 'Approuver la modification' }).click();
    await approver.getByText('Modification approuvée : elle est en vigueur.').waitFor();
    await review.waitFor({ state: 'detached' });
    // The change and its buttons are gone: a keyboard user goes on from the page's content, not from its top.
    await approver.waitForFunction(`document.activeElement?.id === 'main-content'`);
    expect((await table()).body.rows[0]).toMatchObject({ neq: '1145678901', onRena: true });
    const decision = await post(analystToken, '/api/v1/rulesets/controle-fournisseur/evaluate', {
      facts: { neq: '1145678901' },
    });
    expect(decision.body.events).toEqual([{ type: 'reject' }]);
  });
});
