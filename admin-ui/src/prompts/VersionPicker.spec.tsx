import { fireEvent, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { renderConsole } from '../common/testing/fake-api';
import { VersionPicker } from './VersionPicker';

const record = { draftVersion: 3, versions: [{ number: 1 }, { number: 3 }, { number: 2 }] } as const;

const Picked = () => {
  const [value, setValue] = useState(2);
  return (
    <>
      <VersionPicker record={record as never} label="gabarit.prompts.tests_version" value={value} onChange={setValue} />
      <output>{value}</output>
    </>
  );
};

describe('a prompt version picker', () => {
  it('lists the versions newest first, names the draft, and gives back the number chosen', async () => {
    renderConsole(<Picked />);
    fireEvent.mouseDown(await screen.findByRole('combobox', { name: 'Version à tester' }));
    const options = within(await screen.findByRole('listbox')).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['Brouillon (version 3)', 'Version 2', 'Version 1']);
    fireEvent.click(options[0]!);
    expect(screen.getByText('3', { selector: 'output' })).toBeTruthy();
  });
});
