import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { FakeAnthropic } from '../../server/test/support/fake-anthropic.js';
import { storeCompletions } from '../../server/test/support/prompts.js';
import type { TestApp } from '../../server/test/support/test-app.js';
import { accessibilityViolations, signIn as signInAt, startConsole, type ConsoleUnderTest } from './support/console.js';

const SCREENSHOTS = 'docs/screenshots';
const EXPERIMENT = 'chatbot-brievete';
const datasets = [
  {
    title: 'Arbres publics sur le territoire de la Ville',
    organization: 'Ville de Montréal',
    url: 'https://www.donneesquebec.ca/recherche/dataset/vmtl-arbres',
    formats: ['CSV'],
    licence: 'CC BY 4.0',
  },
];

interface Served {
  completionId: string;
  variant: string;
}

// The seeded experiment (detaillee-v3 vs concise-v4 on chatbot-answer), fed through the API, read in the console.
describe('console experiments', () => {
  const fake = new FakeAnthropic();
  let c: ConsoleUnderTest;
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let analystToken: string;
  let frontEndKey: string;

  beforeAll(async () => {
    c = await startConsole('console_experiments', {
      ANTHROPIC_API_KEY: fake.apiKey,
      ANTHROPIC_BASE_URL: await fake.start(),
    });
    ({ t, browser, base } = c);
    analystToken = await t.login('analyst');
    // Answers are served, and feedback comes, through the chatbot front end's API key, as in production (a console
    // user's completions are served outside the experiment).
    frontEndKey = (
      await t.http
        .post('/api/v1/api-keys')
        .set('authorization', `Bearer ${await t.login('admin')}`)
        .send({
          name: 'Assistant',
          scopes: ['prompts:complete:chatbot-answer', `experiments:feedback:${EXPERIMENT}`],
        })
    ).body.key as string;
  });
  afterAll(async () => {
    await c?.close();
    await fake.stop();
  });

  const signIn = (page: Page, username: string) => signInAt(page, base, username);

  /** One answer of the chatbot to a subject, served by the experiment. */
  async function serve(subjectId: string): Promise<Served> {
    const response = await t.http
      .post('/api/v1/prompts/chatbot-answer/complete')
      .set('x-api-key', frontEndKey)
      .send({
        variables: { question: 'Où sont les arbres publics de Montréal ?', locale: 'fr', datasets, services: [] },
        subjectId,
      });
    expect(response.status).toBe(200);
    expect(response.body.experiment).toBe(EXPERIMENT);
    return response.body as Served;
  }

  async function feedback(completionId: string, outcome: 'positive' | 'negative'): Promise<void> {
    const response = await t.http
      .post(`/api/v1/experiments/${EXPERIMENT}/feedback`)
      .set('x-api-key', frontEndKey)
      .send({ completionId, outcome });
    expect(response.status).toBe(200);
  }

  async function inBatches<T, R>(items: T[], work: (item: T) => Promise<R>): Promise<R[]> {
    const done: R[] = [];
    for (let i = 0; i < items.length; i += 20) done.push(...(await Promise.all(items.slice(i, i + 20).map(work))));
    return done;
  }

  async function results() {
    return (
      await t.http.get(`/api/v1/experiments/${EXPERIMENT}/results`).set('authorization', `Bearer ${analystToken}`)
    ).body as {
      srm: { mismatch: boolean };
      comparison: { winner?: string; pValue: number };
      variants: { name: string; exposures: number }[];
    };
  }

  async function switchLanguage(page: Page, from: RegExp, to: string): Promise<void> {
    await page.getByRole('button', { name: from }).click();
    await page.getByRole('menuitem', { name: to }).click();
  }

  it('reads the verdict in plain words, then flags a skewed split, in French and English', async () => {
    // 400 subjects, served once each; concise-v4 gets positive feedback on 13 answers in 20, detaillee-v3 on 8 in 20.
    // About 200 a variant: enough for the test valid at every look to show the gap, which the verdict follows (at
    // 120 a variant it does not yet, and the verdict says so).
    const served = await inBatches(
      Array.from({ length: 400 }, (_, i) => `sujet-${i}`),
      async (subject) => ({ subject, ...(await serve(subject)) }),
    );
    const seen = new Map<string, number>();
    await inBatches(served, (s) => {
      const rank = seen.get(s.variant) ?? 0;
      seen.set(s.variant, rank + 1);
      return feedback(s.completionId, rank % 20 < (s.variant === 'concise-v4' ? 13 : 8) ? 'positive' : 'negative');
    });
    const balanced = await results();
    expect(balanced.srm.mismatch).toBe(false);
    expect(balanced.comparison.winner).toBe('concise-v4');

    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await signIn(page, 'analyst');
    await page.getByRole('menuitem', { name: /expériences/i }).click();
    await page.getByText('Réponse détaillée ou concise').click();
    const verdict = page.getByTestId('experiment-verdict');
    await verdict
      .getByText(
        /La variante «\sconcise-v4\s» fait mieux que le témoin «\sdetaillee-v3\s»\s: 6\d,\d\s%\scontre 4\d,\d\s%\sde retours positifs \(p toujours valide [<=] 0,0\d+\)\.$/,
      )
      .waitFor();
    await expect(page.getByTestId('srm-warning').count()).resolves.toBe(0);
    await page.getByRole('rowheader', { name: 'detaillee-v3 (témoin)' }).waitFor();
    await page.getByRole('columnheader', { name: 'Intervalle à 95 %' }).waitFor();
    await page
      .getByRole('cell', { name: String(balanced.variants[1]!.exposures), exact: true })
      .first()
      .waitFor();
    await expect(page.getByRole('button', { name: 'Arrêter l’expérience' }).count()).resolves.toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}/experiment-results-fr.png`, fullPage: true });

    await switchLanguage(page, /français/i, 'English');
    await verdict.getByText(/Variant “concise-v4” does better than the control “detaillee-v3”/).waitFor();
    await page.getByRole('columnheader', { name: '95% interval' }).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/experiment-results-en.png`, fullPage: true });
    await switchLanguage(page, /english/i, 'Français');

    // The results valid at every look (docs/adr/0029): always-valid p-value, confidence sequence and its chart,
    // probability to beat the control, guardrails.
    const sequential = (await results()) as unknown as {
      sequential: { variant: string; pValue: number; canStop: boolean };
      probabilityToBeatControl: number;
      minimumSample: { reached: boolean };
    };
    expect(sequential.sequential.variant).toBe('concise-v4');
    expect(sequential.probabilityToBeatControl).toBeGreaterThan(0.99);
    expect(sequential.minimumSample.reached).toBe(true);
    const panel = page.getByTestId('sequential-panel');
    await panel.getByRole('heading', { name: 'Résultats valables à chaque consultation' }).waitFor();
    const row = panel.getByRole('row', { name: /^concise-v4/ });
    // By the cells' names, as a screen reader reads them: the column name said before each value on a phone only
    // is not part of it.
    await row.getByRole('cell', { name: /^\+2\d,\d\spts$/ }).waitFor();
    await row.getByRole('cell', { name: /^[−+-]?\d+,\d\spts à \+\d+,\d\spts$/ }).waitFor();
    await row.getByRole('cell', { name: /^(>\s)?99,\d\s%$/ }).waitFor();
    await panel.getByText(/^Écart entre «\sconcise-v4\s» et le témoin «\sdetaillee-v3\s» au fil des sujets/).waitFor();
    await panel.getByTestId('sequential-boundary').locator('.MuiLineChart-line').first().waitFor({ state: 'attached' });
    await expect(panel.getByTestId('guardrails').getByText('Respecté').count()).resolves.toBe(6);
    await expect(panel.getByTestId('minimum-sample').count()).resolves.toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    // The app bar hides itself while the page scrolls to the panel: keep it out of the picture, and back to the top.
    const noAppBar = 'header { visibility: hidden !important; }';
    await panel.screenshot({ path: `${SCREENSHOTS}/experiment-sequential-fr.png`, style: noAppBar });
    await page.evaluate('window.scrollTo(0, 0)');
    // On a phone every table fits the screen, its rows blocks with each value under its name: the card hid the
    // last columns, then a box of their own scrolled sideways, with the verdict, the dates and the guardrails'
    // state past its edge.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(300);
    // A string, as the other browser tests pass page code: this project's types have no DOM.
    const clipped = await page.evaluate(`[...document.querySelectorAll('table')]
      .filter((table) => table.scrollWidth > table.parentElement.clientWidth
        || table.getBoundingClientRect().right > window.innerWidth)
      .map((table) => table.textContent.slice(0, 40))`);
    expect(clipped).toEqual([]);
    await panel
      .getByTestId('guardrails')
      .getByText(/^État\s:/)
      .first()
      .waitFor();
    await page.setViewportSize({ width: 1280, height: 1000 });
    await switchLanguage(page, /français/i, 'English');
    await panel.getByRole('heading', { name: 'Results valid at every look' }).waitFor();
    await panel.getByRole('columnheader', { name: 'Probability to beat the control' }).waitFor();
    await panel.screenshot({ path: `${SCREENSHOTS}/experiment-sequential-en.png`, style: noAppBar });
    await page.evaluate('window.scrollTo(0, 0)');
    await switchLanguage(page, /english/i, 'Français');

    // A defect in miniature: as many people again are logged on concise-v4, none on detaillee-v3 (asking twice
    // would not do: a person is counted once however many answers they get).
    const concise = served.filter((s) => s.variant === 'concise-v4');
    await storeCompletions(
      t,
      concise.map((s, i) => ({
        _id: `${s.completionId}-defect`,
        prompt: 'chatbot-answer',
        version: 4,
        experiment: EXPERIMENT,
        variant: 'concise-v4',
        subject: `defect-${i}`,
        // Answered two minutes ago: the split check counts the people whose requests have all ended.
        at: new Date(Date.now() - 120_000),
        latencyMs: 20,
        outcome: 'ok' as const,
      })),
    );
    expect((await results()).srm.mismatch).toBe(true);
    await page.getByRole('button', { name: 'Actualiser les résultats' }).click();
    const warning = page.getByTestId('srm-warning');
    await warning.getByText('Répartition déséquilibrée').waitFor();
    await warning
      .getByText(
        /Les personnes affectées \(detaillee-v3 \d+, concise-v4 \d+\) ne suivent pas la répartition prévue \(detaillee-v3 50\s%, concise-v4 50\s%\)\s: test du khi-deux, p < 0,001\./,
      )
      .waitFor();
    await verdict
      .getByText(
        'Aucune conclusion possible tant que la répartition est déséquilibrée : corrigez d’abord la cause signalée ci-dessus.',
      )
      .waitFor();
    // A broken split past the minimum sample stops the experiment: everyone gets the control from now on.
    await page
      .getByTestId('experiment-halt')
      .getByText(
        /La répartition ne suit pas les poids prévus \(test du khi-deux, p\s<\s0,001\)\. Tout le monde reçoit maintenant le témoin «\sdetaillee-v3\s» \(version 3\)\.$/,
      )
      .waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/experiment-srm-fr.png`, fullPage: true });
    const stopped = await t.http
      .get(`/api/v1/experiments/${EXPERIMENT}`)
      .set('authorization', `Bearer ${analystToken}`);
    expect(stopped.body).toMatchObject({ archived: true, halt: { reason: 'srm', fallback: { version: 3 } } });
    await page.close();
  }, 180_000); // ~1 000 API calls to seed before the pages are read

  it('lets an analyst create a draft, showing the API problems on their fields', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await signIn(page, 'analyst');
    await page.goto(`${base}/admin/#/experiments`);
    await page.getByRole('link', { name: 'Créer' }).click();
    await page.getByLabel(/^Clé/).fill('Ton Chatbot');
    await page.getByLabel(/^Nom\W*$/).fill('Ton formel ou familier');
    await page.getByRole('combobox', { name: /Gabarit de requête/ }).click();
    await page.getByRole('option', { name: "Réponse de l'assistant des données ouvertes (chatbot-answer)" }).click();
    const names = page.getByLabel(/^Nom de la variante/);
    await names.nth(0).fill('formel');
    await names.nth(1).fill('formel');
    const versions = page.getByRole('combobox', { name: /Version du gabarit/ });
    await versions.nth(0).click();
    await page.getByRole('option', { name: 'Version 4 (Publiée)' }).click();
    await versions.nth(1).click();
    await page.getByRole('option', { name: 'Version 3 (Retirée)' }).click();
    await page
      .getByLabel(/^Poids/)
      .nth(0)
      .fill('70');
    await page
      .getByLabel(/^Poids/)
      .nth(1)
      .fill('30');
    await page.getByLabel(/^Couverture/).fill('50');
    await page.getByText('Répartition du trafic : formel 70 %, formel 30 %').waitFor();

    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page
      .getByText('Minuscules, chiffres et tirets (2 à 63 caractères), commençant par une lettre ou un chiffre.')
      .waitFor();
    await page.getByLabel(/^Clé/).fill('chatbot-ton');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    // The API refuses the duplicate name; its message lands under the second variant's name.
    await page.getByText(/^«\sformel\s» est déjà utilisé plus haut$/).waitFor();
    await page
      .getByRole('alert')
      .getByText('Le contenu comporte des erreurs : chacune est indiquée à sa place.')
      .waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/experiment-create-fr.png`, fullPage: true });

    await names.nth(1).fill('familier');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Brouillon de l’expérience créé.').waitFor();
    await page.getByText('Pas démarrée').waitFor();
    await page.getByText('Brouillon', { exact: true }).first().waitFor();
    const created = await t.http
      .get('/api/v1/experiments/chatbot-ton/versions/1')
      .set('authorization', `Bearer ${analystToken}`);
    expect(created.body).toMatchObject({
      status: 'draft',
      authors: ['analyst'],
      content: {
        prompt: 'chatbot-answer',
        coverage: 0.5,
        variants: [
          { name: 'formel', version: 4, weight: 70 },
          { name: 'familier', version: 3, weight: 30 },
        ],
      },
    });

    // Editing the draft: the form starts from its content and saves with the ETag it read.
    await page.getByRole('link', { name: 'Modifier le brouillon' }).click();
    await page.getByText('Répartition du trafic : formel 70 %, familier 30 %').waitFor();
    await page.getByLabel(/^Couverture/).fill('75');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Brouillon enregistré.').waitFor();
    await page.getByText('Couverture : 75 %').waitFor();
    const edited = await t.http
      .get('/api/v1/experiments/chatbot-ton/versions/1')
      .set('authorization', `Bearer ${analystToken}`);
    expect(edited.body.content).toMatchObject({
      coverage: 0.75,
      variants: [
        { name: 'formel', weight: 70 },
        { name: 'familier', weight: 30 },
      ],
    });

    // Someone saves the draft after this editor read it: the editor shows what they changed, keeps mine
    // only when asked, and never writes over theirs silently.
    await page.getByRole('link', { name: 'Modifier le brouillon' }).click();
    await page.getByText('Répartition du trafic : formel 70 %, familier 30 %').waitFor();
    const other = await t.login('analyst2');
    const read = await t.http.get('/api/v1/experiments/chatbot-ton').set('authorization', `Bearer ${other}`);
    const theirs = await t.http
      .put('/api/v1/experiments/chatbot-ton/draft')
      .set('authorization', `Bearer ${other}`)
      .set('if-match', read.headers['etag'] as string)
      .send({ coverage: 0.4 });
    expect(theirs.status).toBe(200);
    await page.getByLabel(/^Couverture/).fill('90');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText("Quelqu'un d'autre a modifié ce brouillon depuis que vous l'avez ouvert.").waitFor();
    await dialog.getByText(/Modification\s: couverture \(\/coverage\)/).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/experiment-conflict-fr.png`, animations: 'disabled' });
    const meanwhile = await t.http
      .get('/api/v1/experiments/chatbot-ton/versions/1')
      .set('authorization', `Bearer ${analystToken}`);
    expect(meanwhile.body.content.coverage).toBe(0.4);
    await dialog.getByRole('button', { name: 'Enregistrer la mienne par-dessus' }).click();
    await page.getByText('Brouillon enregistré.').waitFor();
    const mine = await t.http
      .get('/api/v1/experiments/chatbot-ton/versions/1')
      .set('authorization', `Bearer ${analystToken}`);
    expect(mine.body.content.coverage).toBe(0.9);
    await page.close();
  });

  it('says a stopped experiment can no longer change when its editor is opened by its address', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await signIn(page, 'analyst');
    // The seeded experiment stopped itself above: its editor showed a form whose every save was refused (409).
    await page.goto(`${base}/admin/#/experiments/${EXPERIMENT}`);
    await page.getByText(/^Cet élément est archivé\s: il ne peut plus être modifié\./).waitFor();
    expect(await page.getByRole('button', { name: 'Enregistrer' }).count()).toBe(0);
    expect(await page.getByLabel(/^Couverture/).count()).toBe(0);
    await page.close();
  });

  it('lets an approver stop the running experiment after confirming', async () => {
    // The seeded experiment stopped itself on its broken split: the draft made above is started to be stopped.
    const approverToken = await t.login('approver');
    const as = (token: string, path: string) =>
      t.http.post(`/api/v1/experiments/chatbot-ton/versions/1/${path}`).set('authorization', `Bearer ${token}`);
    expect((await as(analystToken, 'submit').send({})).status).toBe(200);
    expect((await as(approverToken, 'approve').send({})).status).toBe(200);
    expect((await as(approverToken, 'publish').send({})).status).toBe(200);
    // Running, its coverage is saved with the split as it is: it was sent with no variants and refused (400).
    const analyst = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(analyst, 'analyst');
    await analyst.goto(`${base}/admin/#/experiments/chatbot-ton`);
    await analyst.getByText(/^Cette expérience a commencé\s: ses variantes/).waitFor();
    // Only the coverage changes once started: a new weight went through review and failed only at publication.
    const weights = analyst.getByLabel(/^Poids/);
    expect(await weights.count()).toBeGreaterThan(1);
    for (const weight of await weights.all()) expect(await weight.isEditable()).toBe(false);
    expect(await analyst.getByRole('button', { name: /Ajouter/ }).count()).toBe(0);
    await analyst.getByLabel(/^Couverture/).fill('60');
    await analyst.getByRole('button', { name: 'Enregistrer' }).click();
    await analyst.getByText('Brouillon enregistré.').waitFor();
    const saved = await t.http
      .get('/api/v1/experiments/chatbot-ton/versions/2')
      .set('authorization', `Bearer ${analystToken}`);
    expect(saved.body.content).toMatchObject({ coverage: 0.6, variants: [{ name: 'formel' }, { name: 'familier' }] });
    await analyst.close();
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, 'approver');
    // The work queue shows the experiment that stopped itself, first.
    await page
      .getByRole('listitem')
      .filter({ hasText: 'Arrêtée automatiquement' })
      .getByText(/Réponse détaillée ou concise/)
      .waitFor();
    await page.goto(`${base}/admin/#/experiments/chatbot-ton/show`);
    await page.getByText('En cours', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Arrêter l’expérience' }).click();
    const dialog = page.getByRole('dialog', { name: 'Arrêter l’expérience « Ton formel ou familier » ?' });
    await dialog.getByLabel('Commentaire (facultatif)').fill('Assez de données');
    expect(await accessibilityViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Arrêter l’expérience' }).click();
    await page.getByText('Expérience arrêtée.').waitFor();
    await page.getByText('Arrêtée', { exact: true }).waitFor();
    await page.getByText('L’expérience ne sert aucune variante actuellement : les résultats sont figés.').waitFor();
    await expect(page.getByRole('button', { name: 'Arrêter l’expérience' }).count()).resolves.toBe(0);
    const after = await t.http.get('/api/v1/experiments/chatbot-ton').set('authorization', `Bearer ${analystToken}`);
    expect(after.body.archived).toBe(true);
    expect(after.body.halt).toBeUndefined();
    await page.close();
  });
});
