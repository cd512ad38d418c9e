import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ResourceContextProvider } from 'react-admin';
import { describe, expect, it, vi } from 'vitest';
import { apiError, fakeApi, renderConsole, type FakeAnswer } from '../common/testing/fake-api';
import { ExperimentCreate } from './ExperimentCreate';

const prompt = {
  id: 'accueil',
  key: 'accueil',
  name: 'Accueil',
  versions: [
    { number: 1, status: 'published' },
    { number: 2, status: 'published' },
  ],
};
const routes = (post: FakeAnswer, servedBy: object[] = []) => ({
  'GET /api/v1/prompts': { body: [prompt], headers: { 'Content-Range': 'prompts 0-0/1' } },
  'GET /api/v1/prompts/accueil': { body: prompt },
  'GET /api/v1/prompts/accueil/experiments': { body: servedBy },
  'POST /api/v1/experiments': post,
  'GET /api/v1/experiments/accueil-ab': { body: { id: 'accueil-ab', key: 'accueil-ab' } },
});

const choose = async (combobox: HTMLElement, option: string) => {
  fireEvent.mouseDown(combobox);
  fireEvent.click(await within(await screen.findByRole('listbox')).findByRole('option', { name: option }));
};

/** Names the experiment, compares versions 1 and 2 of the prompt (50/50, the defaults), and saves. */
async function fillAndSave() {
  fireEvent.change(await screen.findByRole('textbox', { name: /^Clé( \*)?$/ }), { target: { value: 'accueil-ab' } });
  fireEvent.change(screen.getByRole('textbox', { name: /^Nom( \*)?$/ }), { target: { value: 'Accueil A/B' } });
  await choose(screen.getByRole('combobox', { name: /^Gabarit de requête/ }), 'Accueil (accueil)');
  await waitFor(() => expect(screen.getAllByRole('combobox', { name: /^Version du gabarit/ })).toHaveLength(2));
  const [control, variant] = screen.getAllByRole('combobox', { name: /^Version du gabarit/ });
  await choose(control!, 'Version 1 (Publiée)');
  await choose(variant!, 'Version 2 (Publiée)');
  fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
}

const renderCreate = () =>
  renderConsole(
    <ResourceContextProvider value="experiments">
      <ExperimentCreate />
    </ResourceContextProvider>,
  );

describe('ExperimentCreate', () => {
  it('warns as soon as the prompt is chosen that another experiment runs on it', async () => {
    const running = { experiment: 'accueil-ton', variant: 'a', version: 1, control: true, fallback: false };
    fakeApi({
      ...routes({ status: 201, body: {} }, [running]),
      'GET /api/v1/experiments/accueil-ton': {
        body: { id: 'accueil-ton', key: 'accueil-ton', name: 'Ton de l’accueil' },
      },
    });
    renderCreate();
    // For those who move by headings, the page has one of level 1 (the app bar's title is of level 6).
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Nouvelle expérience');
    await choose(await screen.findByRole('combobox', { name: /^Gabarit de requête/ }), 'Accueil (accueil)');
    const warning = await screen.findByTestId('experiment-running-elsewhere');
    await waitFor(() =>
      expect(warning.textContent).toMatch(/L’expérience «\s?Ton de l’accueil\s?» est en cours sur ce gabarit/),
    );
    expect(within(warning).getByRole('link', { name: 'Ouvrir cette expérience' }).getAttribute('href')).toBe(
      '#/experiments/accueil-ton/show',
    );
  });

  it("creates the experiment with react-admin's create: POST /api/v1/experiments with what the form says", async () => {
    const api = fakeApi(routes({ status: 201, body: { id: 'accueil-ab', key: 'accueil-ab' } }));
    renderCreate();
    await fillAndSave();
    expect(await screen.findByText('Brouillon de l’expérience créé.')).toBeTruthy();
    expect(api.to('POST', '/api/v1/experiments').map((call) => call.body)).toEqual([
      {
        key: 'accueil-ab',
        name: 'Accueil A/B',
        prompt: 'accueil',
        variants: [
          { name: 'a', version: 1, weight: 50 },
          { name: 'b', version: 2, weight: 50 },
        ],
        coverage: 1,
      },
    ]);
  });

  it("puts the API's refusal on the field it names", async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined); // react-admin logs each failed call
    fakeApi(
      routes(
        apiError(400, 'unpublished_version', 'Variants must be published versions.', [
          { path: '/variants/1/version', message: 'is not a published version of accueil' },
        ]),
      ),
    );
    renderCreate();
    await fillAndSave();
    const message = await screen.findByText('is not a published version of accueil');
    const field = message.closest<HTMLElement>('.MuiFormControl-root')!;
    expect(within(field).getByRole('combobox', { name: /^Version du gabarit/ }).textContent).toBe(
      'Version 2 (Publiée)',
    );
  });
});
