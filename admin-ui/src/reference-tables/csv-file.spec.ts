import { describe, expect, it } from 'vitest';
import { decodeCsv, looksLikeText } from './csv-file';
import { may } from '../layout/access';

describe('CSV file text', () => {
  it('reads UTF-8 and falls back to Windows-1252 for French Excel files', () => {
    expect(decodeCsv(new TextEncoder().encode('neq;name\n1;Rénovations Dubé'))).toBe('neq;name\n1;Rénovations Dubé');
    const latin = Uint8Array.from([0x52, 0xe9, 0x6e, 0x6f]); // "Réno" in Windows-1252
    expect(decodeCsv(latin)).toBe('Réno');
  });

  it('tells text from an image or a workbook chosen by mistake', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    expect(looksLikeText(png)).toBe(false);
    expect(looksLikeText(new TextEncoder().encode('neq;name\n1;Dubé'))).toBe(true);
    expect(looksLikeText(Uint8Array.from([0x52, 0xe9]))).toBe(true); // Windows-1252 is text
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
