import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderConsole, ShowPage } from '../common/testing/fake-api';
import { PromptTests } from './PromptTests';

const prompt = (draftVersion: number | null) => ({
  id: 'accueil',
  key: 'accueil',
  name: 'Accueil',
  pilot: 'invoices',
  activeVersion: 4,
  draftVersion,
  latestVersion: draftVersion ?? 5,
  versions: [
    { number: 4, status: 'published' },
    { number: 5, status: 'in_review' },
    ...(draftVersion ? [{ number: draftVersion, status: 'draft' }] : []),
  ],
  updatedAt: '2025-03-01T10:00:00.000Z',
});

/** The tests section of the prompt's page, for someone holding `role`. */
const renderTests = (record: object, role: string) => {
  fakeApi({ 'GET /api/v1/prompts/accueil': { body: record } });
  renderConsole(
    <ShowPage resource="prompts" id="accueil">
      <PromptTests />
    </ShowPage>,
    [role],
  );
};

const chosenVersion = async () => (await screen.findByRole('combobox', { name: 'Version à tester' })).textContent;

describe('the version a prompt’s tests run on', () => {
  it('is the version awaiting a decision for an approver, as the comparison opens on, not the one in force', async () => {
    renderTests(prompt(null), 'approver');
    expect(await chosenVersion()).toBe('Version 5');
  });

  it('is the draft for an analyst who has one', async () => {
    renderTests(prompt(6), 'analyst');
    expect(await chosenVersion()).toBe('Brouillon (version 6)');
  });
});

describe('what a failed case found', () => {
  it('is said in the console’s language, an error by the console’s words for its code', async () => {
    fakeApi({
      'GET /api/v1/prompts/accueil': { body: prompt(6) },
      'POST /api/v1/prompts/accueil/versions/6/test': {
        body: {
          version: 6,
          checksum: 'c',
          passed: 0,
          failed: 3,
          skipped: 0,
          cases: [
            {
              name: 'vouvoiement',
              passed: false,
              failures: ['does not contain "vous"', 'is 2224 characters, more than 800'],
              problems: [
                { kind: 'missing', text: 'vous' },
                { kind: 'too_long', length: 2224, max: 800 },
              ],
            },
            {
              name: 'réponse',
              passed: false,
              checkedAnswer: true,
              failures: ["not checked: the run's checks of the model's answers took more than 120 s"],
              problems: [{ kind: 'not_checked', seconds: 120 }],
            },
            {
              name: 'sans locale',
              passed: false,
              failures: ['The variables do not match the prompt’s variables schema.'],
              problems: [
                {
                  kind: 'error',
                  code: 'validation_failed',
                  message: 'The variables do not match the prompt’s variables schema.',
                  details: [{ path: '/variables/locale', message: 'is required', keyword: 'required', params: {} }],
                },
              ],
            },
          ],
        },
      },
    });
    renderConsole(
      <ShowPage resource="prompts" id="accueil">
        <PromptTests />
      </ShowPage>,
      ['analyst'],
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Lancer les tests' }));
    // The API's English (« does not contain "vous" ») was shown as is in a French console.
    await screen.findByText(/^ne contient pas «\svous\s»\s; 2\s224 caractères, plus que les 800 permis$/);
    // A case that could not run says where (« the content has problems, each shown in its place » said nothing).
    expect(screen.getByText(/^n’a pas pu s’exécuter\s: \/variables\/locale\s: /)).toBeTruthy();
    expect(
      screen.getByText(/^réponse non vérifiée : les vérifications par le modèle de cette série ont dépassé 120/),
    ).toBeTruthy();
  });
});
