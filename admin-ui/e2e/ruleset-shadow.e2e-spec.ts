import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { approvalDefinition, approvalRuleset } from '../../server/test/support/rulesets.js';
import type { TestApp } from '../../server/test/support/test-app.js';
import { accessibilityViolations, signIn, startConsole, type ConsoleUnderTest } from './support/console.js';

const SCREENSHOTS = 'docs/screenshots';
const KEY = 'factures-ombre';
// As the report says it, in words (the codes are in the cell's title).
const TRANSITION = 'Approuvée automatiquement → Transmise à un membre du personnel pour examen';

const invoice = (total: number, i: number) => ({ invoice: { total, payer: `Léa Martin ${i}` } });

// A version under review compared live with the version in force, as an approver runs it from the console.
describe('shadow run of a rule set version in the console', () => {
  let c: ConsoleUnderTest;
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let apiKey: string;

  beforeAll(async () => {
    c = await startConsole('console_shadow');
    ({ t, browser, base } = c);
    const [analyst, approver, admin] = await Promise.all(['analyst', 'approver', 'admin'].map((u) => t.login(u)));
    const as = (token: string) => ({
      post: (url: string, body: object = {}) => t.http.post(url).set('authorization', `Bearer ${token}`).send(body),
    });
    apiKey = (await as(admin!).post('/api/v1/api-keys', { name: 'ERP', scopes: [`evaluate:${KEY}`] })).body.key;
    // Version 1 (threshold 10 000) in force; version 2 lowers the threshold to 5 000 and waits for review.
    const created = await as(analyst!).post(
      '/api/v1/rulesets',
      approvalRuleset(KEY, 'Factures — seuil abaissé', 10_000),
    );
    expect(created.status).toBe(201);
    expect((await as(analyst!).post(`/api/v1/rulesets/${KEY}/versions/1/submit`)).status).toBe(200);
    expect((await as(approver!).post(`/api/v1/rulesets/${KEY}/versions/1/approve`)).status).toBe(200);
    expect((await as(approver!).post(`/api/v1/rulesets/${KEY}/versions/1/publish`)).status).toBe(200);
    const etag = (await t.http.get(`/api/v1/rulesets/${KEY}`).set('authorization', `Bearer ${analyst}`)).headers[
      'etag'
    ] as string;
    const draft = await t.http
      .put(`/api/v1/rulesets/${KEY}/draft`)
      .set('authorization', `Bearer ${analyst}`)
      .set('if-match', etag)
      .send({ definition: approvalDefinition(5_000) });
    expect(draft.status).toBe(200);
    expect((await as(analyst!).post(`/api/v1/rulesets/${KEY}/versions/2/submit`)).status).toBe(200);
  });
  afterAll(async () => {
    await c?.close();
  });

  /** Live traffic from the ERP: 36 invoices, a third of them between the two thresholds (they change decision). */
  async function liveTraffic(): Promise<void> {
    const totals = Array.from({ length: 36 }, (_, i) => [1_000, 7_000, 20_000][i % 3]!);
    for (const [i, total] of totals.entries()) {
      const answer = await t.http
        .post(`/api/v1/rulesets/${KEY}/evaluate`)
        .set('x-api-key', apiKey)
        .send({ facts: invoice(total, i) });
      expect([answer.status, answer.body.version]).toEqual([200, 1]);
    }
  }

  async function switchLanguage(page: Page, from: RegExp, to: string): Promise<void> {
    await page.getByRole('button', { name: from }).click();
    await page.getByRole('menuitem', { name: to }).click();
  }

  it('an approver starts a shadow at 100 %, live traffic flows, and the report shows the expected transition', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signIn(page, base, 'approver');
    await page.goto(`${base}/admin/#/rulesets/${KEY}/show`);
    // The review screen sums up the shadow beside the tests and the replay, and leads to its tab.
    const summary = page.getByTestId('shadow-summary');
    await summary.getByText('La version 2 n’a pas encore été comparée en direct à la version en vigueur.').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await summary.getByRole('link', { name: 'Voir le rapport de comparaison en direct' }).click();
    await page.getByRole('tab', { name: 'Comparaison en direct (ombre)', selected: true }).waitFor();
    await page.getByText('La version 2 n’a jamais été comparée en direct.').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('spinbutton', { name: /Part des évaluations comparées/ }).fill('100');
    await page.getByRole('button', { name: 'Démarrer la comparaison' }).click();
    await page.getByText('Comparaison en direct de la version 2 démarrée.').waitFor();
    await page
      .getByTestId('shadow-state')
      .getByText(/^En cours depuis le .+, sur 100\s% des évaluations/)
      .waitFor();

    await liveTraffic();
    // The report reads itself again every 3 s while the shadow runs: no reload.
    await page.getByTestId('shadow-compared').getByText('36', { exact: true }).waitFor({ timeout: 15_000 });
    await expect(page.getByTestId('shadow-diverged').textContent()).resolves.toBe('12');
    await page.getByRole('table', { name: 'Transitions' }).getByRole('cell', { name: TRANSITION }).waitFor();
    await page.getByRole('figure', { name: 'Décisions différentes par transition' }).locator('rect').first().waitFor();
    await page.getByText('Les renseignements personnels des faits sont masqués (***).').waitFor();
    await expect(page.getByText(/"payer":"\*\*\*"/).count()).resolves.toBeGreaterThan(0);
    await page.getByText('Comparaisons omises pour préserver le temps de réponse des appelants').waitFor();
    // The "started" notice has done its job: the report is checked and shown without it. The notice hides itself
    // after a few seconds, and when that began while axe ran, its fading text failed the contrast rule.
    await page
      .getByText('Comparaison en direct de la version 2 démarrée.')
      .waitFor({ state: 'hidden', timeout: 15_000 });
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOTS}/ruleset-shadow-fr.png`, fullPage: true });

    await switchLanguage(page, /français/i, 'English');
    await page.getByRole('tab', { name: 'Shadow', selected: true }).waitFor();
    await page.getByRole('columnheader', { name: 'Transition (in force → under review)' }).waitFor();
    await page.getByText("Comparisons skipped to protect callers' response time").waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOTS}/ruleset-shadow-en.png`, fullPage: true });
    await switchLanguage(page, /english/i, 'Français');

    // Stopped after a confirmation: the report stays, and says how and when it ended.
    await page.getByRole('button', { name: 'Arrêter la comparaison' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(/Arrêter la comparaison en direct de la version 2/).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Arrêter la comparaison' }).click();
    await page
      .getByTestId('shadow-state')
      .getByText(/^Terminée le .+\s: arrêtée par une personne chargée de l’approbation\./)
      .waitFor();
    await expect(page.getByTestId('shadow-compared').textContent()).resolves.toBe('36');
    // The approval dialog says how the version decided beside the one in force, before the approver decides.
    await page.getByRole('tab', { name: 'Détails' }).click();
    await page.getByRole('button', { name: 'Approuver' }).click();
    await page
      .getByRole('dialog')
      .getByTestId('shadow-summary')
      .getByText(/évaluations comparées\s: 36\s; décisions différentes\s: 12/)
      .waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Annuler' }).click();
    await page.close();

    // An analyst reads the same report, without the buttons.
    const analyst = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signIn(analyst, base, 'analyst');
    await analyst.goto(`${base}/admin/#/rulesets/${KEY}/show/shadow`);
    await analyst.getByTestId('shadow-diverged').getByText('12', { exact: true }).waitFor();
    await expect(analyst.getByRole('button', { name: /Démarrer|Arrêter/ }).count()).resolves.toBe(0);
    await analyst.close();

    // On a phone the bars keep most of the figure: the axis took the transitions' whole width, and no bar showed.
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await signIn(phone, base, 'analyst');
    await phone.goto(`${base}/admin/#/rulesets/${KEY}/show/shadow`);
    const bar = phone
      .getByRole('figure', { name: 'Décisions différentes par transition' })
      .locator('rect.MuiBarChart-element')
      .first();
    await bar.waitFor();
    const { x, width } = (await bar.boundingBox())!;
    expect([width > 100, x + width <= 390]).toEqual([true, true]);
    // The bars are numbered, each transition whole in the list under them: labels cut to fit had read alike.
    const key = phone.getByTestId('transitions-key').getByRole('listitem');
    await key.first().waitFor();
    expect(await key.first().textContent()).toMatch(/ → .+\s?: \d+$/);
    // The tables are a block a row, each value under its column's name: « Décision à l'étude » was cut at the
    // screen's edge, and the interval column off it.
    const examples = phone.getByRole('table', { name: 'Exemples de décisions différentes' });
    await examples
      .getByText(/^Décision à l.étude\s?:/)
      .first()
      .waitFor();
    const rightmost = `Math.max(...[...document.querySelectorAll('table td')].map((cell) => cell.getBoundingClientRect().right))`;
    expect(await phone.evaluate(rightmost)).toBeLessThanOrEqual(390);
    await phone.close();
  });
});
