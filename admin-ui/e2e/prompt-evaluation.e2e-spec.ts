import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { FakeAnthropic } from '../../server/test/support/fake-anthropic.js';
import type { TestApp } from '../../server/test/support/test-app.js';
import { accessibilityViolations, signIn as signInAt, startConsole, type ConsoleUnderTest } from './support/console.js';

const SCREENSHOTS = 'docs/screenshots';
const PROMPT = 'chatbot-answer';
const SOURCES = 'Cite toujours les sources officielles.';

// An evaluation set run from the console on a draft of the seeded prompt beside its version in force, against
// the fake Messages API (which answers differently when the prompt asks for sources, and judges like a rubric).
describe('prompt evaluation in the console', () => {
  const fake = new FakeAnthropic();
  let c: ConsoleUnderTest;
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let draft: number;

  beforeAll(async () => {
    fake.reply = ({ prompt }) => {
      if (prompt.startsWith('JUGE')) return prompt.includes('sources officielles') ? '{"score": 5}' : 'Score : 3';
      return prompt.includes(SOURCES)
        ? 'Voici le jeu de données « Arbres publics », selon les sources officielles de la Ville.'
        : 'Voici le jeu de données « Arbres publics ».';
    };
    c = await startConsole('console_prompt_evaluation', {
      ANTHROPIC_API_KEY: fake.apiKey,
      ANTHROPIC_BASE_URL: await fake.start(),
    });
    ({ t, browser, base } = c);
    const analyst = await t.login('analyst');
    const approver = await t.login('approver');
    const api = (token: string, method: 'get' | 'post' | 'put', path: string, body?: object, etag?: string) => {
      const request = t.http[method](`/api/v1/${path}`).set('authorization', `Bearer ${token}`);
      return (etag ? request.set('if-match', etag) : request).send(body);
    };
    // The judge, a governed prompt of its own, published.
    const judge = {
      key: 'juge-reponses',
      name: 'Juge des réponses',
      pilot: 'chatbot',
      locale: 'fr',
      template: 'JUGE\nCritères : {{criteria}}\nRéponse : {{output}}',
      model: 'claude-haiku-4-6',
      maxTokens: 64,
      variablesSchema: { type: 'object', properties: { criteria: { type: 'string' }, output: { type: 'string' } } },
    };
    expect((await api(analyst, 'post', 'prompts', judge)).status).toBe(201);
    await api(analyst, 'post', 'prompts/juge-reponses/versions/1/submit');
    await api(approver, 'post', 'prompts/juge-reponses/versions/1/approve');
    expect((await api(approver, 'post', 'prompts/juge-reponses/versions/1/publish')).status).toBe(200);
    // A draft that asks for sources, and a set that expects them.
    const read = await api(analyst, 'get', `prompts/${PROMPT}`);
    const inForce = (await api(analyst, 'get', `prompts/${PROMPT}/versions/${read.body.activeVersion}`)).body.content;
    const saved = await api(
      analyst,
      'put',
      `prompts/${PROMPT}/draft`,
      { template: `${inForce.template}\n${SOURCES}` },
      read.headers['etag'] as string,
    );
    draft = saved.body.draftVersion;
    const variables = inForce.tests[0].variables;
    const set = await api(analyst, 'post', `prompts/${PROMPT}/evaluation-sets`, {
      name: 'sources',
      judgePrompt: 'juge-reponses',
      cases: ['Où trouver les arbres de Montréal ?', 'Quels arbres sont plantés ?', 'Où sont les parcs ?'].map(
        (question, i) => ({
          name: `question ${i + 1}`,
          variables: { ...variables, question },
          expect: [
            { type: 'contains', value: 'sources officielles' },
            { type: 'regex', pattern: '^Voici' },
            { type: 'length', max: 300 },
            ...(i === 0 ? [{ type: 'rubric', criteria: 'La réponse cite ses sources', minScore: 4 }] : []),
          ],
        }),
      ),
    });
    expect(set.status).toBe(201);
  });
  afterAll(async () => {
    await c?.close();
    await fake.stop();
  });

  const section = (page: Page) => page.locator('section[aria-labelledby="prompt-evaluations-title"]');

  async function runFromTheConsole(page: Page, labels: { budget: string; run: string; cases: string }) {
    await page.goto(`${base}/admin/#/prompts/${PROMPT}/show`);
    await section(page).scrollIntoViewIfNeeded();
    await page.getByLabel(labels.budget).fill('20000');
    const before = fake.requests.length;
    await page.getByRole('button', { name: labels.run }).click();
    const cases = page.getByRole('table', { name: labels.cases });
    await cases.waitFor();
    // Three cases on both sides, and the judge once on each side.
    expect(fake.requests.length - before).toBe(3 * 2 + 2);
    return cases;
  }

  it('runs the set on the draft beside the version in force and shows both sides, in French', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signInAt(page, base, 'analyst');
    const cases = await runFromTheConsole(page, {
      budget: 'Budget de jetons',
      run: `Évaluer la version ${draft}`,
      cases: 'Cas côte à côte',
    });
    const summary = page.getByRole('table', { name: 'Résumé du jeu « sources »' });
    const passRate = summary.getByRole('row', { name: /Taux de réussite/ });
    await expect(passRate.textContent()).resolves.toMatch(/100\s%\s\[44\s%\s–\s100\s%\].*0\s%\s\[0\s%\s–\s56\s%\]/);
    await expect(summary.getByRole('row', { name: /Note moyenne/ }).textContent()).resolves.toMatch(
      /5,0 \/ 5, 1 note.*3,0 \/ 5, 1 note/,
    );
    await cases
      .getByText(/selon les sources officielles de la Ville\.$/)
      .first()
      .waitFor();
    await cases.getByText('Contient : Échoué').first().waitFor();
    await cases.getByText('Grille : Échoué (3/5)').waitFor();
    // Why each check failed, in French (the API also gives it in English, for other clients).
    await cases
      .getByText(/^ne contient pas «\s+sources officielles\s+»$/)
      .first()
      .waitFor();
    await cases.getByText('note de 3 sur 5, sous le minimum de 4').first().waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await section(page).screenshot({ path: `${SCREENSHOTS}/prompt-evaluation-fr.png` });

    // The review tab shows the run just made, as the approval will record it.
    await page.getByRole('tab', { name: 'Résumé pour la revue' }).click();
    await page
      .getByText(/Dernière évaluation de cette version\s:\sjeu\s«\ssources\s»,\spar Analyste \(démo\)/)
      .waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    // A set the API refuses: the problem at its path, under the editor.
    await page.getByRole('tab', { name: 'Évaluations', exact: true }).click();
    await page.getByRole('button', { name: "Nouveau jeu d'évaluation" }).click();
    const editor = page.getByRole('textbox', { name: "Jeu d'évaluation (JSON)" });
    await editor.click();
    await page.keyboard.press('Control+a');
    await page.keyboard.type(
      '{"name": "mauvais", "cases": [{"variables": {}, "expect": [{"type": "regex", "pattern": "(a)\\\\1"}]}]}',
    );
    await page.getByRole('button', { name: 'Enregistrer le jeu' }).click();
    await page.getByRole('alert').getByText('/cases/0/expect/0/pattern').waitFor();
    await page.getByRole('alert').getByText('/cases/0/variables/question').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.close();
  });

  it('shows the same results in English', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signInAt(page, base, 'analyst');
    await page.getByRole('button', { name: /français/i }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    const cases = await runFromTheConsole(page, {
      budget: 'Token budget',
      run: `Evaluate version ${draft}`,
      cases: 'Cases side by side',
    });
    await page
      .getByRole('table', { name: 'Summary of set “sources”' })
      .getByRole('row', { name: /Pass rate/ })
      .getByText('100% [44% – 100%]')
      .waitFor();
    await cases.getByText('Rubric: Failed (3/5)').waitFor();
    await section(page).screenshot({ path: `${SCREENSHOTS}/prompt-evaluation-en.png` });
    await page.close();
  });

  it('shows the latest run in the approval dialog of the version in review', async () => {
    const submitted = await t.http
      .post(`/api/v1/prompts/${PROMPT}/versions/${draft}/submit`)
      .set('authorization', `Bearer ${await t.login('analyst')}`)
      .send({});
    expect(submitted.status).toBe(200);
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signInAt(page, base, 'approver');
    await page.goto(`${base}/admin/#/prompts/${PROMPT}/show`);
    await page
      .getByRole('row', { name: new RegExp(`^${draft} En revue`) })
      .getByRole('button', { name: 'Approuver' })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(/Dernière évaluation de cette version\s:\sjeu\s«\ssources\s»/).waitFor();
    await dialog
      .getByRole('table', { name: 'Résumé du jeu « sources »' })
      .getByRole('row', { name: /Taux de réussite/ })
      .waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.close();
  });
});
