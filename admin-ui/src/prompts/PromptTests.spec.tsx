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
