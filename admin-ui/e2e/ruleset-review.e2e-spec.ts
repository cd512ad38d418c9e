import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import type { TestApp } from '../../server/test/support/test-app.js';
import { accessibilityViolations, signIn as signInAt, startConsole, type ConsoleUnderTest } from './support/console.js';

const SCREENSHOTS = 'docs/screenshots';

// The whole review of a rule-set change, as its users do it in the console: edit, test, submit, approve, publish.
describe('rule set review in the console', () => {
  let c: ConsoleUnderTest;
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    c = await startConsole('console_review');
    ({ t, browser, base } = c);
  });
  afterAll(async () => {
    await c?.close();
  });

  const signIn = (page: Page, username: string) => signInAt(page, base, username);

  async function pick(page: Page, label: string | RegExp, option: string): Promise<void> {
    await page.getByRole('combobox', { name: label }).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  }

  /** A compliant invoice from the pilot's first test case, scaled to 600 000 $ before taxes, on the seeded order BC-80. */
  async function largeInvoice(token: string): Promise<Record<string, unknown>> {
    const version = await t.http.get('/api/v1/rulesets/invoices/versions/1').set('authorization', `Bearer ${token}`);
    const facts = structuredClone(version.body.content.tests[0].facts) as {
      invoice: Record<string, unknown>;
    };
    Object.assign(facts.invoice, {
      subtotal: 600000,
      gst: 30000,
      qst: 59850,
      total: 689850,
      lines: [
        {
          poLine: 1,
          description: 'Mobilier de bureau',
          quantity: 100,
          unitPrice: 6000,
          amount: 600000,
          receivedQuantity: 100,
          invoicedQuantity: 0,
        },
      ],
      contractValue: 700000,
      purchaseOrderNumber: 'BC-80',
    });
    return facts;
  }

  it('an analyst adds a rule with the condition builder, runs the tests and submits; an approver approves and publishes; /evaluate then decides anew', async () => {
    const analystToken = await t.login('analyst');
    const facts = await largeInvoice(analystToken);
    const before = await t.http
      .post('/api/v1/rulesets/invoices/evaluate')
      .set('authorization', `Bearer ${analystToken}`)
      .send({ facts });
    expect(before.body.events.map((e: { type: string }) => e.type)).toEqual(['auto_approve']);

    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signIn(page, 'analyst');
    await page.goto(`${base}/admin/#/rulesets/invoices/show`);
    await page.getByRole('link', { name: 'Créer un brouillon' }).click(); // there is none yet
    await page.getByText('À partir de la version 1 en vigueur').waitFor();

    await page.getByRole('button', { name: 'Ajouter une règle' }).click();
    // The new rule comes after the pilot's own (an unnamed rule is titled by its place).
    const pilotRules = (
      await t.http.get('/api/v1/rulesets/invoices/versions/1').set('authorization', `Bearer ${analystToken}`)
    ).body.content.definition.rules.length;
    await page.getByRole('button', { name: new RegExp(`^Règle ${pilotRules + 1}`) }).click();
    await page.getByLabel('Nom de la règle').fill('montant-tres-eleve');
    await page.getByLabel('Priorité').fill('50');
    await page.getByRole('combobox', { name: 'Décision', exact: true }).fill('manual_review');
    await page.keyboard.press('Escape'); // the list of known decisions closes; the code typed stays
    await page.getByRole('combobox', { name: 'Fait' }).fill('invoice.total');
    // Listed with its name in words from the schema (« Total avec taxes — invoice.total »).
    await page.getByRole('option', { name: /— invoice\.total$/ }).click();
    await pick(page, 'Opérateur', 'est supérieur à');
    // A word where the schema says number is refused on the field itself, before anything is saved.
    await page.getByLabel('Valeur').fill('cinq cent mille');
    await page.getByText('Cette comparaison porte sur un nombre : écrivez un nombre').waitFor();
    await page.getByLabel('Valeur').fill('500000');
    await expect(page.getByText('Cette comparaison porte sur un nombre : écrivez un nombre').count()).resolves.toBe(0);
    await page.getByLabel('Explication (français)').fill('Facture de plus de 500 000 $ : une personne la vérifie.');
    await page.getByLabel('Explication (anglais)').fill('Invoice above 500,000 $: a person checks it.');
    // The JSON editor beside the builder holds the same rule.
    await page.getByText('"montant-tres-eleve"').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/ruleset-edit-fr.png` });

    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Brouillon (version 2)').waitFor();
    await page.getByRole('button', { name: 'Lancer les tests' }).click();
    await page.getByText(/Les \d+ cas de test réussissent\./).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/ruleset-tests-fr.png`, fullPage: true });
    await page.getByRole('button', { name: 'Soumettre la version 2 pour revue' }).click();
    await page.getByRole('dialog').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('dialog').getByRole('button', { name: 'Soumettre' }).click();
    await page.getByText('Version 2 soumise pour revue.').waitFor();
    await page.close();

    const approver = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signIn(approver, 'approver');
    // The approver's dashboard lists the version waiting for review, and leads to it.
    await approver.getByText('À examiner').waitFor();
    await approver
      .getByRole('link', { name: 'Ensemble de règles « Validation des factures fournisseurs », Version 2' })
      .click();
    await approver.getByRole('button', { name: 'Comparer' }).click();
    await approver.getByText(/Règle «\smontant-tres-eleve\s»\s: ajout/).waitFor();
    await approver.getByRole('button', { name: 'Approuver' }).click();
    await approver.getByRole('dialog').waitFor();
    expect(await accessibilityViolations(approver)).toEqual([]);
    await approver.getByRole('dialog').getByRole('button', { name: 'Approuver' }).click();
    await approver.getByText('Version 2 approuvée.').waitFor();
    await approver.getByRole('button', { name: 'Publier' }).click();
    await approver
      .getByLabel('Commentaire (facultatif)')
      .fill('Contrôle des grosses factures demandé par la vérification interne.');
    expect(await accessibilityViolations(approver)).toEqual([]);
    await approver.getByRole('dialog').getByRole('button', { name: 'Publier' }).click();
    await approver.getByText('Version 2 publiée.').waitFor();
    await approver.screenshot({ path: `${SCREENSHOTS}/ruleset-published-fr.png`, fullPage: true });
    await approver.close();

    const after = await t.http
      .post('/api/v1/rulesets/invoices/evaluate')
      .set('authorization', `Bearer ${analystToken}`)
      .send({ facts, explain: true });
    expect(after.body.version).toBe(2);
    expect(after.body.events.map((e: { type: string }) => e.type)).toContain('manual_review');
    expect(after.body.explanation.fr).toContain('Facture de plus de 500 000 $');

    const risk = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signIn(risk, 'risk');
    await risk.getByRole('menuitem', { name: /journal d'audit/i }).click();
    // People appear by their names; the username they acted under is on hover.
    await risk.getByTitle('approver').filter({ hasText: 'Approbatrice (démo)' }).first().waitFor();
    await risk.getByRole('button', { name: 'Vérifier la chaîne' }).click();
    await risk
      .getByRole('status')
      .getByText(/Chaîne intègre\s: \d+ événements vérifiés\./)
      .waitFor();
    await risk.close();
  });
});
