import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { FakeAnthropic } from '../../server/test/support/fake-anthropic.js';
import type { TestApp } from '../../server/test/support/test-app.js';
import { signIn as signInAt, startConsole, type ConsoleUnderTest } from './support/console.js';

const SCREENSHOTS = 'docs/screenshots';
const PROMPT = 'chatbot-answer';

// The prompt screens on the built console, the real server and a real database (no model key configured).
describe('prompts console', () => {
  let c: ConsoleUnderTest;
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    c = await startConsole('console_prompts');
    ({ t, browser, base } = c);
  });
  afterAll(async () => {
    await c?.close();
  });

  const signIn = (page: Page, username: string) => signInAt(page, base, username);

  /** Types at the end of a CodeMirror editor found by its label. */
  async function typeAtEnd(page: Page, label: string, text: string): Promise<void> {
    await page.getByRole('textbox', { name: label, exact: true }).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(text);
  }

  const preview = (page: Page) => page.getByTestId('prompt-preview');
  /** A full-page screenshot from the top, so the fixed app bar is drawn where it belongs. */
  async function screenshot(page: Page, name: string): Promise<void> {
    await page.evaluate('window.scrollTo(0, 0)');
    await page.waitForTimeout(500); // the app bar slides back in after scrolling up
    await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
  }

  it('lets an analyst edit the draft with a live preview, save it, and see the edit in the diff and the tests', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signIn(page, 'analyst');
    await page.getByRole('menuitem', { name: /gabarits de requête/i }).click();
    await page.getByText("Réponse de l'assistant des données ouvertes").click();
    await page.getByText('Paramètres de la version 4').waitFor();
    await page.getByText('claude-sonnet-4-6').waitFor();

    await page.getByRole('link', { name: 'Créer un brouillon' }).click(); // there is none yet
    await page.getByText("Aucun brouillon : l'enregistrement créera un brouillon à partir de la version 4.").waitFor();
    // The variables panel lists what the schema declares; the preview renders the first test case's variables.
    const variables = page.getByRole('table', { name: 'Variables déclarées' });
    await variables.getByRole('row', { name: /datasets\[\]\.title texte Oui/ }).waitFor();
    await preview(page)
      .getByText(/Où trouver les arbres de Montréal\s\?/)
      .waitFor();
    await preview(page)
      .getByText(/Répondez en français/)
      .waitFor();

    await typeAtEnd(page, 'Gabarit (Handlebars)', 'Indique le format de chaque jeu de données.');
    await preview(page)
      .getByText(/Indique le format de chaque jeu de données\./)
      .waitFor();

    // An undeclared variable: the API's refusal appears under the template editor, in French; nothing is saved.
    await page.keyboard.type(' {{user.name}}');
    await page.getByText(/utilise \{\{user\.name\}\}, que le schéma des variables ne déclare pas/).waitFor();
    await preview(page).getByText('Le détail est indiqué sous chaque champ concerné.', { exact: false }).waitFor();
    // Saved anyway, the refusal's banner names the field in words, and closes with a French button.
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Gabarit (Handlebars) (/template)\u00a0:' });
    await refusal.waitFor();
    await refusal.getByRole('button', { name: 'Fermer' }).click();
    await refusal.waitFor({ state: 'detached' });
    await typeAtEnd(page, 'Gabarit (Handlebars)', '');
    for (let i = 0; i < ' {{user.name}}'.length; i++) await page.keyboard.press('Backspace');
    await preview(page)
      .getByText(/Indique le format de chaque jeu de données\.$/m)
      .waitFor();

    // No model key on this server: the answer preview says so in French.
    await page.getByRole('button', { name: 'Demander une réponse' }).click();
    await page
      .getByText(
        'Aucun modèle n’est configuré sur ce serveur : ce qui demande une réponse du modèle (un aperçu, une évaluation) est indisponible.',
      )
      .waitFor();
    await screenshot(page, 'prompt-edit-fr');

    // A schema that stops being JSON as it is typed: said at its place at once, and Save waits for it.
    await typeAtEnd(page, 'Schéma des variables (JSON Schema)', ',');
    await page.getByText(/JSON invalide\s?: ligne \d+, colonne \d+/).waitFor();
    await expect(page.getByRole('button', { name: 'Enregistrer le brouillon' }).isDisabled()).resolves.toBe(true);
    await page.keyboard.press('Backspace');
    await page.getByText(/JSON invalide/).waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await page.getByText('Brouillon enregistré (version 5).').waitFor();
    await page.getByText('Vous modifiez le brouillon (version 5).').waitFor();
    const saved = await t.http
      .get(`/api/v1/prompts/${PROMPT}/versions/5`)
      .set('authorization', `Bearer ${await t.login('analyst')}`);
    expect(saved.body.content.template).toMatch(/\nIndique le format de chaque jeu de données\.$/);

    // Back on the prompt: the diff opens on the draft against version 4 and shows the added line with its marker.
    await page.getByRole('link', { name: 'Retour à la fiche' }).click();
    const templateDiff = page.getByRole('list', { name: 'Gabarit (Handlebars)' });
    await templateDiff.getByText('Indique le format de chaque jeu de données.').waitFor();
    await expect(
      templateDiff.getByRole('listitem').filter({ hasText: 'Indique le format' }).textContent(),
    ).resolves.toMatch(/^\+Ligne ajoutée\s:/);
    await page.getByRole('combobox', { name: 'Version de départ' }).click();
    await page.getByRole('option', { name: 'Version 1' }).click();
    await page
      .getByRole('table', { name: 'Paramètres modifiés' })
      .getByRole('row', { name: '/maxTokens 700 → 300' })
      .waitFor();

    await page.getByRole('button', { name: 'Lancer les tests' }).click();
    await page.getByText('Version 5 : 9 réussis, 0 échoué, 2 ignorés.').waitFor();
    // Exact: the versions table now shows the same run as a chip, « 9 réussis », once it has refetched.
    await expect(page.getByRole('cell', { name: 'Réussi', exact: true }).count()).resolves.toBe(9);
    await screenshot(page, 'prompt-show-fr');
    await page.close();
  });

  it('refuses to overwrite a draft someone else changed, warns before leaving unsaved work, and reloads on request', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signIn(page, 'analyst');
    await page.goto(`${base}/admin/#/prompts/${PROMPT}/show`);
    await page.getByRole('link', { name: 'Modifier le brouillon' }).click();
    await page.getByText(/Vous modifiez le brouillon \(version \d+\)\./).waitFor();

    // analyst2 saves the same draft through the API after our page read it.
    const other = await t.login('analyst2');
    const read = await t.http.get(`/api/v1/prompts/${PROMPT}`).set('authorization', `Bearer ${other}`);
    const put = await t.http
      .put(`/api/v1/prompts/${PROMPT}/draft`)
      .set('authorization', `Bearer ${other}`)
      .set('if-match', read.headers['etag'] as string)
      .send({ maxTokens: 444 });
    expect(put.status).toBe(200);

    await typeAtEnd(page, 'Consigne système (Handlebars, facultative)', ' Sois bref.');
    // Leaving with unsaved changes asks first; dismissing keeps the page.
    await page.getByRole('link', { name: 'Retour à la fiche' }).click();
    await page.getByText('Quitter sans enregistrer ?').waitFor();
    await page.getByRole('button', { name: 'Rester' }).click();
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    // The same conflict dialog as every editor: what the other person changed, and the choice.
    const dialog = page.getByRole('dialog');
    await dialog.getByText("Quelqu'un d'autre a modifié ce brouillon depuis que vous l'avez ouvert.").waitFor();
    await dialog.getByText(/Modification\s: Nombre maximal de jetons \(\/maxTokens\)/).waitFor();
    const after = await t.http
      .get(`/api/v1/prompts/${PROMPT}/versions/${read.body.draftVersion}`)
      .set('authorization', `Bearer ${other}`);
    expect(after.body.content.maxTokens).toBe(444);
    expect(after.body.content.system).not.toMatch(/Sois bref\.$/);

    await dialog.getByRole('button', { name: 'Reprendre sa version' }).click();
    await page.getByRole('button', { name: 'Aucune modification' }).waitFor();
    await expect(page.getByLabel('Nombre maximal de jetons').inputValue()).resolves.toBe('444');
    await page.close();
  });

  it('keeps an unsaved template through an expired session and offers it back after signing in', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signIn(page, 'analyst');
    await page.goto(`${base}/admin/#/prompts/${PROMPT}`);
    await typeAtEnd(page, 'Gabarit (Handlebars)', ' Merci de votre visite.');
    await page.evaluate(`(() => {
      const session = JSON.parse(localStorage.getItem('gabarit.session'));
      localStorage.setItem('gabarit.session', JSON.stringify({ ...session, token: 'expired' }));
    })()`);
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await page.getByRole('button', { name: 'Connexion' }).waitFor();
    await signIn(page, 'analyst');
    await page.goto(`${base}/admin/#/prompts/${PROMPT}`);
    await page.getByRole('button', { name: 'Reprendre' }).click();
    await page
      .getByRole('textbox', { name: 'Gabarit (Handlebars)', exact: true })
      .getByText('Merci de votre visite.')
      .waitFor();
    await page.close();
  });

  it('creates a prompt, with the API refusal of an undeclared variable under the template', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await signIn(page, 'analyst');
    await page.goto(`${base}/admin/#/prompts/create`);
    await page.getByLabel('Clé').fill('faq-courte');
    await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Réponse courte');
    await typeAtEnd(page, 'Gabarit (Handlebars)', 'Réponds à : {{question}}');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText(/utilise \{\{question\}\}, que le schéma des variables ne déclare pas/).waitFor();

    await page.getByRole('textbox', { name: 'Schéma des variables (JSON Schema)' }).click();
    await page.keyboard.press('Control+a');
    await page.keyboard.type(
      '{"type": "object", "required": ["question"], "properties": {"question": {"type": "string"}}}',
    );
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Vous modifiez le brouillon (version 1).').waitFor();
    await page
      .getByRole('table', { name: 'Variables déclarées' })
      .getByRole('row', { name: /question texte Oui/ })
      .waitFor();
    await preview(page).getByText('Réponds à : question').waitFor();
    await page.close();
  });

  it('shows the draft editor in English', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signIn(page, 'analyst');
    await page.getByRole('button', { name: /français/i }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.goto(`${base}/admin/#/prompts/${PROMPT}/show`);
    await page.getByRole('link', { name: /^(Edit the draft|Start a draft)$/ }).click();
    await page.getByRole('table', { name: 'Declared variables' }).waitFor();
    await preview(page)
      .getByText(/Question de la personne/)
      .waitFor();
    await page.getByRole('button', { name: 'Ask for an answer' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /model|modèle/i })
      .waitFor();
    await screenshot(page, 'prompt-edit-en');
    await page.close();
  });
});

// With a model configured (the fake Messages API), the answer preview shows the model's answer and its usage.
describe('prompts console with a model', () => {
  const fake = new FakeAnthropic();
  let c: ConsoleUnderTest;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    c = await startConsole('console_prompts_llm', {
      ANTHROPIC_API_KEY: fake.apiKey,
      ANTHROPIC_BASE_URL: await fake.start(),
    });
    ({ browser, base } = c);
  });
  afterAll(async () => {
    await c?.close();
    await fake.stop();
  });

  it('shows the answer to the sample variables', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signInAt(page, base, 'analyst');
    await page.goto(`${base}/admin/#/prompts/${PROMPT}`);
    await page
      .getByTestId('prompt-preview')
      .getByText(/Question de la personne/)
      .waitFor();
    await page.getByRole('button', { name: 'Demander une réponse' }).click();
    const answer = page.getByRole('status').filter({ hasText: 'Réponse simulée' });
    await answer.getByText(/^Réponse simulée \(\d+ caractères reçus\)\.$/).waitFor();
    await answer.getByText(/jetons envoyés, 12 jetons reçus/).waitFor();
    expect(fake.requests.at(-1)!.body['messages']).toEqual([
      { role: 'user', content: expect.stringMatching(/Où trouver les arbres de Montréal\s\?/) },
    ]);
    await page.close();
  });
});
