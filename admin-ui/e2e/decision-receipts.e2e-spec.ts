import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import type { TestApp } from '../../server/test/support/test-app.js';
import { accessibilityViolations, signIn as signInAt, startConsole, type ConsoleUnderTest } from './support/console.js';

const SCREENSHOTS = 'docs/screenshots';
/** The enrolment pilot's first test case: a permanent employee, individual coverage, approved automatically. */
const enrolmentFacts = () => firstTestFacts('enrolment');
const firstTestFacts = (pilot: string) =>
  (JSON.parse(readFileSync(`rulesets/${pilot}/${pilot}.json`, 'utf8')) as { tests: { facts: object }[] }).tests[0]!
    .facts;

// Law 25 (s. 65.2) in the console: a decision's receipt, printed in French or English, and the review queue.
describe('decision receipts and review requests in the console', () => {
  let c: ConsoleUnderTest;
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    c = await startConsole('console_receipts');
    ({ t, browser, base } = c);
  });
  afterAll(async () => {
    await c?.close();
  });

  const signIn = (page: Page, username: string) => signInAt(page, base, username);
  const receiptsIssued = async (decision: string) =>
    (
      await t.http
        .get(`/api/v1/audit?resourceKey=${decision}&action=decision.receipt_issued`)
        .set('authorization', `Bearer ${await t.login('risk')}`)
    ).body as { actor: string; details: { lang: string } }[];

  it('opens the receipt of an enrolment decision from Try it, in French then English, printable, each read audited', async () => {
    // An analyst decides in Try it and follows the decision to its receipt.
    const analyst = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(analyst, 'analyst');
    await analyst.goto(`${base}/admin/#/rulesets/enrolment/show`);
    await analyst.getByRole('textbox', { name: 'Matricule' }).waitFor();
    await analyst.getByRole('button', { name: 'Évaluer' }).click();
    await analyst.getByRole('status').getByText('Approuvée automatiquement (auto_approve)').waitFor();
    await analyst.getByRole('link', { name: "Voir l'avis de décision" }).click();
    await analyst.getByRole('heading', { name: 'Avis de décision automatisée' }).waitFor();
    // The analyst does not see the person's values.
    await analyst.getByText('Valeur non affichée (accès restreint)').first().waitFor();
    const decision = decodeURIComponent(/#\/decisions\/([^/]+)\/receipt/.exec(analyst.url())![1]!);
    await analyst.close();

    // A risk officer finds it from the reference the person reads out, and prints it: values shown, French
    // first, then English.
    const page = await browser.newPage({ viewport: { width: 1100, height: 1000 } });
    await signIn(page, 'risk');
    await page.getByRole('textbox', { name: 'Référence de l’avis' }).fill(` ${decision}.`);
    await page.getByRole('button', { name: 'Ouvrir l’avis' }).click();
    await page.getByRole('heading', { name: 'Avis de décision automatisée' }).waitFor();
    await page.getByText('Approuvée automatiquement', { exact: true }).waitFor();
    await page.getByText('10 mai 1990').waitFor();
    await page.getByText('Faire rectifier vos renseignements').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/receipt-fr.png`, fullPage: true });

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Notice of an automated decision' }).waitFor();
    await page.getByText('Approved automatically', { exact: true }).waitFor();
    await page.getByText('Asking for a review of the decision').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/receipt-en.png`, fullPage: true });

    // Printed, the receipt stands alone: no app bar, no menu, no language switch.
    const menu = page.getByRole('menuitem', { name: /Tableau de bord|Dashboard/ });
    expect(await menu.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header').first().isVisible()).toBe(false);
    // Nor the menu (it was printed beside the receipt).
    expect(await menu.isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Français' }).isVisible()).toBe(false);
    expect(await page.getByRole('heading', { name: 'Notice of an automated decision' }).isVisible()).toBe(true);
    await page.close();

    const issued = await receiptsIssued(decision);
    expect(issued.map((e) => [e.actor, e.details.lang]).sort()).toEqual([
      ['analyst', 'fr'],
      ['risk', 'en'],
      ['risk', 'fr'],
    ]);
  });

  it('shows an invoice decision on a phone with every word of its nested facts whole, nothing wider than the screen', async () => {
    const decided = await t.http
      .post('/api/v1/rulesets/invoices/evaluate')
      .set('authorization', `Bearer ${await t.login('analyst')}`)
      .send({ facts: firstTestFacts('invoices') });
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await signIn(page, 'risk');
    // On a phone the language is named by its code, leaving the page's title its room.
    await page.getByRole('button', { name: 'FR', exact: true }).waitFor();
    await page.goto(`${base}/admin/#/decisions/${encodeURIComponent(decided.body.evaluationId as string)}/receipt`);
    const facts = page.getByRole('table', { name: 'Faits reçus' });
    // The supplier's name, two levels down, and a member of an invoice line, three levels down.
    await facts.getByText('Fournitures Laval inc.').waitFor();
    await facts.getByText('receivedQuantity').waitFor();
    // A word cut across lines has client rectangles on more than one line.
    const cutWords = await page.evaluate<string[]>(`(() => {
      const cut = [];
      const table = document.querySelector('table[aria-label="Faits reçus"]');
      const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode())
        for (const word of node.textContent.matchAll(/\\S+/g)) {
          const range = document.createRange();
          range.setStart(node, word.index);
          range.setEnd(node, word.index + word[0].length);
          if (new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1) cut.push(word[0]);
        }
      return cut;
    })()`);
    expect(cutWords).toEqual([]);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await page.close();
  });

  it('records observations, shows the queue with overdue requests in red, and overrides one', async () => {
    const analystToken = await t.login('analyst');
    const decided = await t.http
      .post('/api/v1/rulesets/enrolment/evaluate')
      .set('authorization', `Bearer ${analystToken}`)
      .send({ facts: enrolmentFacts() });
    const decision = decided.body.evaluationId as string;
    const late = await t.http
      .post(`/api/v1/decisions/${decision}/reviews`)
      .set('authorization', `Bearer ${analystToken}`)
      .send({ observations: 'Je travaillais déjà dans la fonction publique le mois précédent.', receivedVia: 'mail' });
    await t.db.db!.collection('review_requests').updateOne(
      { _id: late.body.id as never },
      {
        $set: { submittedAt: new Date(Date.now() - 40 * 86_400_000), dueAt: new Date(Date.now() - 10 * 86_400_000) },
      },
    );

    // A staff member records a person's observations from the receipt.
    const staff = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(staff, 'analyst');
    await staff.goto(`${base}/admin/#/decisions/${encodeURIComponent(decision)}/receipt`);
    await staff
      .getByRole('textbox', { name: 'Observations de la personne' })
      .fill('Ma date d’embauche est le 2 février, pas le 2 mars.');
    await staff.getByRole('button', { name: 'Enregistrer la demande de révision' }).click();
    await staff.getByText(/Demande de révision enregistrée, à traiter au plus tard le/).waitFor();
    await staff.close();

    // A reviewer works the queue: due first, the overdue one in red; overrides it with a reason.
    // axe needs a page from an explicit context.
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await signIn(page, 'approver');
    // The dashboard says what waits, and leads to the queue.
    await page.getByRole('link', { name: '2 demandes de révision ouvertes (1 en retard)' }).click();
    await page.getByRole('menuitem', { name: 'Demandes de révision' }).waitFor();
    const overdue = page.getByRole('row').filter({ hasText: 'fonction publique le mois précédent' });
    await overdue.getByText(/En retard/).waitFor();
    await page.getByRole('row').filter({ hasText: 'pas le 2 mars' }).waitFor();
    // Narrowed to the enrolment rule set, the queue keeps both; nothing the console asks is refused.
    const refused: string[] = [];
    page.on(
      'response',
      (r) => r.status() >= 400 && r.url().includes('/api/v1/') && refused.push(`${r.status()} ${r.url()}`),
    );
    await page.getByRole('combobox', { name: 'Ensemble de règles' }).click();
    await page.getByRole('option', { name: /adhésion/i }).click();
    await page.waitForURL(/ruleset%22%3A%22enrolment|ruleset":"enrolment/);
    await overdue.getByText(/En retard/).waitFor();
    expect(await page.getByRole('combobox', { name: 'Ensemble de règles' }).textContent()).toMatch(/adhésion/i);
    expect(refused).toEqual([]);
    await overdue.getByRole('button', { name: 'Trancher' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Modifier la décision').check();
    // The outcomes the enrolment tree gives; the reviewer chooses one (none is proposed).
    await dialog.getByRole('combobox').click();
    await page.getByRole('option', { name: 'Documents demandés' }).click();
    await dialog
      .getByLabel(/Motif/)
      .fill('Emploi public récent à prouver : sans délai de carence, la couverture commencerait plus tôt.');
    // The dialog at rest, its save button enabled by the reason, before the screenshot.
    await dialog.locator('button:not([disabled])', { hasText: 'Enregistrer' }).waitFor();
    await page.waitForFunction(`document.getAnimations().every((a) => a.playState !== 'running')`);
    await page.screenshot({ path: `${SCREENSHOTS}/reviews-fr.png` });
    expect(await accessibilityViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Demande de révision fermée.').waitFor();
    await overdue.waitFor({ state: 'detached' });
    await context.close();

    const review = await t.http
      .get(`/api/v1/reviews/${late.body.id}`)
      .set('authorization', `Bearer ${await t.login('risk')}`);
    expect(review.body).toMatchObject({ status: 'closed', outcome: 'overridden', decidedBy: 'approver' });
    expect(review.body.newDecision).toEqual({ type: 'request_documents' });

    // The person's notice now leads with the decision a person made, titled so, and fits a phone: the label
    // « Décision automatisée initiale » beside its value had pushed the values past the screen's edge.
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await signIn(phone, 'risk');
    await phone.goto(`${base}/admin/#/decisions/${encodeURIComponent(decision)}/receipt`);
    await phone.getByRole('heading', { name: 'Avis de décision modifiée après révision' }).waitFor();
    await phone.getByText('Décision automatisée initiale').waitFor();
    expect(await phone.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    // The queue on a phone: each request in one column, its « Trancher » on the screen (it was off to the right).
    await phone.goto(`${base}/admin/#/reviews`);
    const decide = phone.getByRole('button', { name: 'Trancher' }).first();
    await decide.waitFor();
    const { x, width } = (await decide.boundingBox())!;
    expect(x + width).toBeLessThanOrEqual(390);
    // Each part named, as the wide table's headers name them: two dates alone did not say which was due.
    for (const label of ['Reçue le', 'Ensemble de règles', 'Décision automatisée', 'Observations'])
      await phone.getByText(label, { exact: true }).first().waitFor();
    await phone.close();
  });
});
