import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FakeAnthropic } from '../../server/test/support/fake-anthropic.js';
import { accessibilityViolations, signIn, startConsole, type ConsoleUnderTest } from './support/console.js';

// WCAG 2.1 A and AA rules that axe can check automatically, on the main screens of each role, in both languages.
describe('console accessibility', () => {
  let c: ConsoleUnderTest;
  // A model (the fake Messages API), so a prompt evaluation run shows outputs and checks.
  const fake = new FakeAnthropic();
  // An enrolment decision with a review request, for the receipt and the review queue.
  let decision = '';

  beforeAll(async () => {
    c = await startConsole('console_a11y', { ANTHROPIC_API_KEY: fake.apiKey, ANTHROPIC_BASE_URL: await fake.start() });
    const token = await c.t.login('analyst');
    const facts = (
      JSON.parse(readFileSync('rulesets/enrolment/enrolment.json', 'utf8')) as { tests: { facts: object }[] }
    ).tests[0]!.facts;
    const decided = await c.t.http
      .post('/api/v1/rulesets/enrolment/evaluate')
      .set('authorization', `Bearer ${token}`)
      .send({ facts });
    decision = decided.body.evaluationId as string;
    await c.t.http
      .post(`/api/v1/decisions/${decision}/reviews`)
      .set('authorization', `Bearer ${token}`)
      .send({ observations: 'Ma date d’embauche est erronée.' });
  });
  afterAll(async () => {
    await c?.close();
    await fake.stop();
  });

  // Every screen of the console, editors included, for the role that reaches it.
  const screens: [string, string[]][] = [
    [
      'analyst',
      [
        '/',
        '/rulesets',
        '/rulesets/create',
        '/rulesets/invoices/show',
        '/rulesets/invoices/show/shadow',
        '/rulesets/invoices',
        '/rulesets/invoices-approval-routing',
        '/rulesets/enrolment',
        '/prompts',
        '/prompts/create',
        '/prompts/chatbot-answer',
        '/experiments',
        '/experiments/create',
        '/experiments/chatbot-brievete',
        '/reference-tables',
        '/reference-tables/create',
        '/decisions/{decision}/receipt',
      ],
    ],
    [
      'approver',
      [
        '/',
        '/rulesets/invoices/show',
        '/rulesets/invoices/show/shadow',
        '/prompts/chatbot-answer/show',
        '/experiments/chatbot-brievete/show',
        '/reviews',
      ],
    ],
    ['risk', ['/audit', '/reviews', '/decisions/{decision}/receipt']],
    ['admin', ['/api-keys', '/api-keys/create', '/users', '/users/create', '/users/analyst2']],
  ];

  it.each(screens)('finds no violation on the screens of %s', async (user, paths) => {
    // axe needs a page from an explicit context.
    const context = await c.browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    await page.goto(`${c.base}/admin/`);
    await page.getByRole('button', { name: 'Connexion' }).waitFor();
    const found: Record<string, string[]> = { 'sign-in': await accessibilityViolations(page) };
    await signIn(page, c.base, user);
    for (const path of paths.map((p) => p.replace('{decision}', decision))) {
      await page.goto(`${c.base}/admin/#${path}`);
      await page.locator('#main-content').waitFor();
      // The screen has loaded its data once the network is quiet and react-admin's progress bar is gone.
      await page.waitForLoadState('networkidle');
      await page.locator('.MuiLinearProgress-root').waitFor({ state: 'detached' });
      found[path] = await accessibilityViolations(page);
    }
    expect(Object.fromEntries(Object.entries(found).filter(([, v]) => v.length > 0))).toEqual({});
    await context.close();
  });

  it('lets a keyboard user add a rule and leave the code editor with Tab', async () => {
    const page = await c.browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await page.goto(`${c.base}/admin/`);
    // Sign in with the keyboard alone.
    await page.getByLabel(/identifiant/i).focus();
    await page.keyboard.type('analyst');
    await page.keyboard.press('Tab');
    await page.keyboard.type('demo');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /Bienvenue/ }).waitFor();
    await page.goto(`${c.base}/admin/#/rulesets/invoices-approval-routing`);
    const addRow = page.getByRole('button', { name: 'Ajouter une ligne' });
    await addRow.focus();
    const rows = await page.getByRole('textbox', { name: 'Identifiant' }).count();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('textbox', { name: 'Identifiant' }).count()).resolves.toBe(rows + 1);

    // Tab into the JSON editor, then out of it: focus is never trapped.
    const json = page.getByRole('textbox', { name: 'Définition (JSON)' });
    await json.focus();
    await page.keyboard.press('Tab');
    const focusedInsideEditor = await json.evaluate(
      (el) => el.ownerDocument.activeElement === el || el.contains(el.ownerDocument.activeElement),
    );
    expect(focusedInsideEditor).toBe(false);
    await page.close();
  });

  it.each([
    [
      'fr',
      'Budget de jetons',
      /^Évaluer la version/,
      'Cas côte à côte',
      'Résumé pour la revue',
      "Nouveau jeu d'évaluation",
    ],
    ['en', 'Token budget', /^Evaluate version/, 'Cases side by side', 'Summary for review', 'New evaluation set'],
  ])(
    'finds no violation on a prompt version’s evaluations (%s): a run’s results, the review tab, the set editor',
    async (lang, budget, run, cases, review, newSet) => {
      const t = c.t;
      const token = await t.login('analyst');
      const content = (
        await t.http.get('/api/v1/prompts/chatbot-answer/versions/4').set('authorization', `Bearer ${token}`)
      ).body.content;
      await t.http
        .post('/api/v1/prompts/chatbot-answer/evaluation-sets')
        .set('authorization', `Bearer ${token}`)
        .send({
          name: `a11y-${lang}`,
          cases: [{ variables: content.tests[0].variables, expect: [{ type: 'contains', value: 'Réponse' }] }],
        });
      const context = await c.browser.newContext({ viewport: { width: 1440, height: 1000 } });
      const page = await context.newPage();
      await signIn(page, c.base, 'analyst');
      if (lang === 'en') {
        await page.getByRole('button', { name: /français/i }).click();
        await page.getByRole('menuitem', { name: 'English' }).click();
      }
      await page.goto(`${c.base}/admin/#/prompts/chatbot-answer/show`);
      await page.getByLabel(budget).fill('5000');
      await page.getByRole('button', { name: run }).click();
      await page.getByRole('table', { name: cases }).waitFor();
      const found: Record<string, string[]> = { results: await accessibilityViolations(page) };
      await page.getByRole('button', { name: newSet }).click();
      found['set editor'] = await accessibilityViolations(page);
      await page.getByRole('tab', { name: review }).click();
      await page.getByRole('tabpanel').getByRole('table').waitFor();
      found['review tab'] = await accessibilityViolations(page);
      expect(Object.fromEntries(Object.entries(found).filter(([, v]) => v.length > 0))).toEqual({});
      await context.close();
    },
  );

  // WCAG 1.4.10 (reflow): at a common laptop width, the page never scrolls sideways; a wide grid scrolls in its box.
  it('fits the widest screens in a 1366 px window, page actions in view, with one main landmark', async () => {
    const page = await c.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await signIn(page, c.base, 'analyst');
    expect(await page.locator('main').count()).toBe(1);
    const widths: Record<string, number> = {};
    for (const path of [
      '/',
      '/reference-tables/supplier-registrations/show',
      '/prompts/chatbot-answer/show',
      '/rulesets/invoices-approval-routing/edit',
    ]) {
      await page.goto(`${c.base}/admin/#${path}`);
      await page.locator('#main-content').waitFor();
      await page.waitForLoadState('networkidle');
      widths[path] = await page.evaluate<number>('document.documentElement.scrollWidth');
      if (path.startsWith('/reference-tables')) {
        const box = await page.getByRole('button', { name: /Supprimer la table/i }).boundingBox();
        expect(box!.x + box!.width).toBeLessThanOrEqual(1366);
      }
    }
    expect(Object.entries(widths).filter(([, width]) => width > 1366)).toEqual([]);
    await page.close();
  });
});
