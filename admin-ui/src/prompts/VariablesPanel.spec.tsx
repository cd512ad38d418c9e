import { render, screen, within } from '@testing-library/react';
import { AdminContext } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { i18nProvider } from '../i18n/i18nProvider';
import { VariablesPanel } from './VariablesPanel';

const schema = {
  type: 'object',
  required: ['question', 'datasets'],
  properties: {
    question: { type: 'string', description: 'la question de la personne' },
    locale: { type: 'string', enum: ['fr', 'en'] },
    datasets: { type: 'array', items: { type: 'object', required: ['url'], properties: { url: { type: 'string' } } } },
  },
};

const rowsOf = () =>
  within(screen.getByRole('table', { name: 'Variables déclarées' }))
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    );

describe('VariablesPanel', () => {
  it('lists each declared variable with its type, whether it is required and its description, in French', () => {
    render(
      <AdminContext i18nProvider={i18nProvider}>
        <VariablesPanel schema={schema} />
      </AdminContext>,
    );
    expect(screen.getByRole('columnheader', { name: 'Obligatoire' })).toBeTruthy();
    expect(rowsOf()).toEqual([
      ['question', 'texte', 'Oui', 'la question de la personne'],
      ['locale', 'texte', 'Non', 'Valeurs permises : "fr", "en"'],
      ['datasets', 'liste d’objets', 'Oui', ''],
      ['datasets[].url', 'texte', 'Oui', ''],
    ]);
  });

  it('says so when the schema declares nothing (or is being typed)', () => {
    render(
      <AdminContext i18nProvider={i18nProvider}>
        <VariablesPanel schema={{ type: 'object' }} />
      </AdminContext>,
    );
    expect(screen.getByText('Le schéma ne déclare aucune variable.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
