import { describe, expect, it } from 'vitest';
import { i18nProvider } from '../i18n/i18nProvider';
import { servedNote } from './served-note';

const translate = i18nProvider.translate as (key: string, options?: object) => string;
const served = (version: number, variant: string, control: boolean, fallback = false) => ({
  experiment: 'brievete',
  variant,
  version,
  control,
  fallback,
});

describe('a prompt version served by an experiment', () => {
  it('says as what: the control, a variant, or everyone after an automatic stop; nothing for a version not served', () => {
    const running = [served(3, 'detaillee', true), served(4, 'concise', false)];
    expect(servedNote(running, 3, translate)).toMatch(
      /^Servie par l'expérience «\s?brievete\s?» \(témoin «\s?detaillee\s?»\)$/,
    );
    expect(servedNote(running, 4, translate)).toMatch(/\(variante «\s?concise\s?»\)$/);
    expect(servedNote(running, 2, translate)).toBeUndefined();
    expect(servedNote([served(3, 'detaillee', true, true)], 3, translate)).toMatch(/^Servie à tous/);
  });
});
