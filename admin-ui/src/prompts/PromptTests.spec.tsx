import { screen } from '@testing-library/react';
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

const chosenVersion = async () => (await screen.findByRole('combobox', { name: 'Version à tester' })).textContent;

describe('the version a prompt’s tests run on', () => {
  it('is the version awaiting a decision for an approver, as the comparison opens on, not the one in force', async () => {
    fakeApi({ 'GET /api/v1/prompts/accueil': { body: prompt(null) } });
    renderConsole(
      <ShowPage resource="prompts" id="accueil">
        <PromptTests />
      </ShowPage>,
      ['approver'],
    );
    expect(await chosenVersion()).toBe('Version 5');
  });

  it('is the draft for an analyst who has one', async () => {
    fakeApi({ 'GET /api/v1/prompts/accueil': { body: prompt(6) } });
    renderConsole(
      <ShowPage resource="prompts" id="accueil">
        <PromptTests />
      </ShowPage>,
      ['analyst'],
    );
    expect(await chosenVersion()).toBe('Brouillon (version 6)');
  });
});
