import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import type { TestApp } from '../../server/test/support/test-app.js';
import { accessibilityViolations, signIn as signInAt, startConsole, type ConsoleUnderTest } from './support/console.js';

const SCREENSHOTS = 'docs/screenshots';

// What keeps an analyst's work safe in the editors: conflicts shown instead of overwritten, nothing lost to an expired session.
describe('rule set editors', () => {
  let c: ConsoleUnderTest;
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    c = await startConsole('console_editing');
    ({ t, browser, base } = c);
  });
  afterAll(async () => {
    await c?.close();
  });

  const signIn = (page: Page, username: string) => signInAt(page, base, username);

  it('shows the decision tree as a collapsible outline, and a stale save as the other person’s changes instead of overwriting them', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    await signIn(page, 'analyst');
    await page.goto(`${base}/admin/#/rulesets/enrolment`);
    const outline = page.getByRole('group', { name: 'Arbre de décision' });
    await outline.waitFor();
    await page.getByRole('textbox', { name: 'Identifiant du nœud' }).nth(4).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/ruleset-tree-fr.png` });
    // Each node is named by the way down to it, which a screen reader says as it enters the node.
    await outline.getByRole('group', { name: /^Sinon › Sinon — Question «\sExemption\s»$/ }).waitFor();
    const nodes = () => outline.locator(':scope > [role="group"]').count();
    const lines = await nodes();
    await page.getByRole('button', { name: /^Replier «\sÂge au début de la couverture\s»$/ }).click();
    expect(await nodes()).toBeLessThan(lines);
    await page.getByRole('button', { name: /^Déplier «\sÂge au début de la couverture\s»$/ }).click();
    expect(await nodes()).toBe(lines);

    await page.getByRole('textbox', { name: 'Question posée' }).first().fill("Statut d'emploi (LAMQ)");
    await page.getByText('Modifications non enregistrées').waitFor();

    // Meanwhile another analyst saves the draft through the API.
    const other = await t.login('analyst2');
    const current = await t.http.get('/api/v1/rulesets/enrolment').set('authorization', `Bearer ${other}`);
    const saved = await t.http
      .put('/api/v1/rulesets/enrolment/draft')
      .set('authorization', `Bearer ${other}`)
      .set('if-match', current.headers['etag'] as string)
      .send({ settings: { decidesAboutPersons: true, logDecisions: true } });
    expect(saved.status).toBe(200);

    await page.getByRole('button', { name: 'Enregistrer' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText("Quelqu'un d'autre a modifié ce brouillon depuis que vous l'avez ouvert.").waitFor();
    // In words, the pointer beside it: « Ajout : Réglage « conserver les décisions » (/settings/logDecisions) ».
    await dialog.getByText(/Ajout\s: Réglage\s«\sconserver les décisions\s» \(\/settings\/logDecisions\)/).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/ruleset-conflict-fr.png`, animations: 'disabled' });
    expect(await accessibilityViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Reprendre sa version' }).click();
    await page.getByText('Brouillon (version 2)').waitFor();
    // Their version is loaded; mine was not written over it, and it is still offered back.
    const after = await t.http.get('/api/v1/rulesets/enrolment/versions/2').set('authorization', `Bearer ${other}`);
    expect(after.body.content.definition.root.label).toBe("Statut d'emploi");
    expect(after.body.content.settings).toEqual({ decidesAboutPersons: true, logDecisions: true });
    await context.close();
  });

  it('warns before leaving unsaved work, and keeps it through an expired session', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signIn(page, 'analyst');
    await page.goto(`${base}/admin/#/rulesets/invoices-approval-routing`);
    await page.getByRole('button', { name: 'Ajouter une ligne' }).click();
    await page.getByRole('textbox', { name: 'Identifiant' }).last().fill('exceptionnel');
    await page.getByRole('combobox', { name: 'Décision' }).last().fill('route_approval');
    await page.keyboard.press('Escape'); // the list of known decisions closes; the code typed stays
    await page.screenshot({ path: `${SCREENSHOTS}/ruleset-table-fr.png` });

    await page.getByRole('menuitem', { name: /ensembles de règles/i }).click();
    await page.getByText('Quitter sans enregistrer ?').waitFor();
    await page.getByRole('button', { name: 'Rester' }).click();
    expect(page.url()).toContain('/rulesets/invoices-approval-routing');

    // The session ends (its token no longer valid) before the analyst saves.
    await page.evaluate(`(() => {
      const session = JSON.parse(localStorage.getItem('gabarit.session'));
      localStorage.setItem('gabarit.session', JSON.stringify({ ...session, token: 'expired' }));
    })()`);
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('button', { name: 'Connexion' }).waitFor();
    await page.getByLabel(/identifiant/i).fill('analyst');
    await page.getByRole('textbox', { name: /^mot de passe/i }).fill('demo');
    await page.getByRole('button', { name: 'Connexion' }).click();
    await page.waitForURL(/invoices-approval-routing/);
    await page.getByText(/Des modifications non enregistrées du .* ont été conservées\./).waitFor();
    await page.getByRole('button', { name: 'Reprendre' }).click();
    await expect(page.getByRole('textbox', { name: 'Identifiant' }).last().inputValue()).resolves.toBe('exceptionnel');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Brouillon (version 2)').waitFor();
    const draft = await t.http
      .get('/api/v1/rulesets/invoices-approval-routing/versions/2')
      .set('authorization', `Bearer ${await t.login('analyst')}`);
    expect(draft.body.content.definition.rows.map((r: { id: string }) => r.id)).toContain('exceptionnel');
    await page.close();
  });

  it('keeps JSON typed in a tab that does not parse yet, across tabs, and holds Save until it does', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signIn(page, 'analyst');
    await page.goto(`${base}/admin/#/rulesets/invoices-approval-routing`);
    const save = page.getByRole('button', { name: 'Enregistrer' });
    await page.getByRole('tab', { name: 'Tests' }).click();
    const editor = page.getByRole('textbox', { name: 'Tests' });
    await editor.click();
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Backspace'); // typed over a selection, a bracket would wrap it
    await page.keyboard.type('[{"name": "cas B", ');
    // Save stored the last valid JSON and said « saved », the half-typed case gone.
    await page.getByText(/Le JSON de l’onglet «\sTests\s» n’est pas valide/).waitFor();
    expect(await save.isDisabled()).toBe(true);
    await page.getByRole('tab', { name: 'Définition' }).click();
    expect(await save.isDisabled()).toBe(true);
    await page.getByRole('tab', { name: 'Tests' }).click();
    await expect(editor.textContent()).resolves.toContain('"cas B"');
    await editor.click();
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('[]');
    await page.waitForFunction(`!document.body.textContent.includes('n’est pas valide')`);
    expect(await save.isDisabled()).toBe(false);
    await page.close();
  });

  it('fits the rule set and prompt editors in a phone’s width, Save within reach', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await signIn(page, 'analyst');
    for (const [route, save] of [
      ['rulesets/invoices', 'Enregistrer'],
      // The decision table's add buttons (478 px) and the tree's indentation (537 px, deep nodes' fields cut off).
      ['rulesets/invoices-approval-routing', 'Enregistrer'],
      ['rulesets/enrolment', 'Enregistrer'],
      ['prompts/chatbot-answer', /^Enregistrer|^Aucune modification/],
    ] as const) {
      await page.goto(`${base}/admin/#/${route}`);
      const button = page.getByRole('button', { name: save }).first();
      await button.waitFor();
      await page.waitForTimeout(500); // the analysis and the variables table are drawn after the form
      // The page had scrolled sideways to 478 and 544 px, Save cut at the edge.
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
      const box = (await button.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    }
    // A rule's header wraps: its decision in words pushed the name past the left edge and the chevron past the right.
    await page.goto(`${base}/admin/#/rulesets/invoices`);
    const header = page.locator('#rule-1-header');
    await header.waitFor();
    for (const part of [header.getByText('rena-contrat-anterieur'), header.locator('svg').last()]) {
      const { x, width } = (await part.boundingBox())!;
      expect([x >= 0, x + width <= 390]).toEqual([true, true]);
    }
    // The versions page's « Comparer » sat at 376–480 px, in a card that hides what overflows (the enrolment tree
    // has a draft, version 2, since the first test: two versions to compare).
    await page.goto(`${base}/admin/#/rulesets/enrolment/show`);
    const compare = page.getByRole('button', { name: 'Comparer' });
    await compare.waitFor();
    const { x, width } = (await compare.boundingBox())!;
    expect([x >= 0, x + width <= 390]).toEqual([true, true]);
    await page.close();
  });

  it('creates a rule set from the list, with the API’s refusals on their fields, and opens it in the editor', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signIn(page, 'analyst');
    await page.goto(`${base}/admin/#/rulesets`);
    await page.getByRole('link', { name: 'Créer' }).click();
    await page.getByRole('textbox', { name: 'Clé' }).fill('invoices');
    await page.getByRole('textbox', { name: 'Nom' }).fill('Subventions aux organismes');
    await page.getByRole('combobox', { name: 'Format' }).click();
    await page.getByRole('option', { name: 'Arbre de décision' }).click();
    await page.getByText('Il commencera par un arbre d’une question').waitFor();
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Cette clé est déjà utilisée.').first().waitFor();

    await page.getByRole('textbox', { name: 'Clé' }).fill('subventions');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Brouillon (version 1)').waitFor();
    await page
      .getByRole('group', { name: 'Arbre de décision' })
      .getByRole('textbox', { name: 'Question posée' })
      .first()
      .waitFor();
    const created = await t.http
      .get('/api/v1/rulesets/subventions/versions/1')
      .set('authorization', `Bearer ${await t.login('analyst')}`);
    expect(created.body.content.definition.root.id).toBe('question');
    await page.close();
  });

  it('shows the rule editor in English', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signIn(page, 'analyst');
    await page.getByRole('button', { name: /français/i }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('menuitem', { name: 'Rule sets' }).waitFor();
    await page.goto(`${base}/admin/#/rulesets/invoices`);
    // The header says the decision in words, in the console's language.
    await page.getByRole('button', { name: 'tps-incorrecte Correction requested' }).click();
    await page.getByRole('combobox', { name: 'Grouping' }).first().waitFor();
    await page.getByText('Definition (JSON)').waitFor();
    await page.getByRole('button', { name: 'Add a rule' }).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/ruleset-edit-en.png` });
    await page.close();
  });
});
