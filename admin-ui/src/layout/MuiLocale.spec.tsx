import { EditorState } from '@codemirror/state';
import { Alert, Autocomplete, TextField } from '@mui/material';
import { render, screen } from '@testing-library/react';
import { AdminContext, memoryStore } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { editorPhrases } from '../common/editor-phrases';
import { i18nProvider } from '../i18n/i18nProvider';
import { MuiLocale } from './MuiLocale';

const Widgets = () => (
  <MuiLocale>
    <Alert onClose={() => undefined}>Avis</Alert>
    <Autocomplete
      options={['approve']}
      value="approve"
      renderInput={(params) => <TextField {...params} label="Décision" />}
    />
  </MuiLocale>
);

describe('Material UI and CodeMirror words', () => {
  it('are French in the French console', async () => {
    render(
      <AdminContext i18nProvider={i18nProvider} store={memoryStore()}>
        <Widgets />
      </AdminContext>,
    );
    expect(await screen.findByRole('button', { name: 'Fermer' })).toBeTruthy();
    expect(screen.getByLabelText('Vider')).toBeTruthy(); // the picker's clear button
    expect(EditorState.create({ extensions: editorPhrases('fr') }).phrase('Fold line')).toBe('Replier la ligne');
  });

  it('are English in the English console', async () => {
    render(
      <AdminContext i18nProvider={i18nProvider} store={memoryStore({ locale: 'en' })}>
        <Widgets />
      </AdminContext>,
    );
    expect(await screen.findByRole('button', { name: 'Close' })).toBeTruthy();
    expect(screen.getByLabelText('Clear')).toBeTruthy();
    expect(EditorState.create({ extensions: editorPhrases('en') }).phrase('Fold line')).toBe('Fold line');
  });
});
