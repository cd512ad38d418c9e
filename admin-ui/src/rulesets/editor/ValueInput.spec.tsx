import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderConsole } from '../../common/testing/fake-api';
import { ValueInput } from './ValueInput';

describe('a value box', () => {
  it('says in words which fact a comparison reads, under its JSON, which wraps rather than being cut off', () => {
    fakeApi({});
    renderConsole(
      <ValueInput
        label="Valeur"
        value={{ fact: 'parameters', path: '$.formDeadlineDays' }}
        type="integer"
        onChange={() => undefined}
      />,
      ['analyst'],
    );
    expect(screen.getByText('la valeur de parameters.formDeadlineDays')).toBeTruthy();
    const box = screen.getByRole('textbox', { name: 'Valeur' });
    expect(box.tagName).toBe('TEXTAREA');
    expect((box as HTMLTextAreaElement).value).toBe('{"fact":"parameters","path":"$.formDeadlineDays"}');
  });

  it('says nothing more of a plain value', () => {
    fakeApi({});
    renderConsole(<ValueInput label="Valeur" value={14} type="integer" onChange={() => undefined} />, ['analyst']);
    expect(screen.getByRole('textbox', { name: 'Valeur' }).tagName).toBe('INPUT');
    expect(screen.queryByText(/la valeur de/)).toBeNull();
  });
});
