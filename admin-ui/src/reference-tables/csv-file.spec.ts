import { describe, expect, it } from 'vitest';
import { decodeCsv } from './csv-file';
import { may } from '../layout/access';

describe('CSV file text', () => {
  it('reads UTF-8 and falls back to Windows-1252 for French Excel files', () => {
    expect(decodeCsv(new TextEncoder().encode('neq;name\n1;Rénovations Dubé'))).toBe('neq;name\n1;Rénovations Dubé');
    const latin = Uint8Array.from([0x52, 0xe9, 0x6e, 0x6f]); // "Réno" in Windows-1252
    expect(decodeCsv(latin)).toBe('Réno');
  });
});

describe('who may edit', () => {
  it('follows the server: analysts and admins edit, approvers and risk officers read', () => {
    expect(may('editReferenceTables', ['analyst'])).toBe(true);
    expect(may('editReferenceTables', ['risk', 'admin'])).toBe(true);
    expect(may('editReferenceTables', ['approver', 'risk'])).toBe(false);
    expect(may('editReferenceTables', undefined)).toBe(false);
  });
});
