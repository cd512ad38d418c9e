import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { fr } from '../i18n/fr';
import { actionLabel, KNOWN_ACTIONS } from './audit-actions';
import { endOfDay, exportUrl, reversedRange, startOfDay } from './audit-filters';
import { filenameFrom } from '../common/download';

describe('audit filters', () => {
  it('turns a picked day into the instants it starts and ends, in local time', () => {
    expect(new Date(startOfDay('2026-03-01')!).getTime()).toBe(new Date(2026, 2, 1, 0, 0, 0, 0).getTime());
    expect(new Date(endOfDay('2026-03-01')!).getTime()).toBe(new Date(2026, 2, 1, 23, 59, 59, 999).getTime());
    expect(startOfDay('')).toBeUndefined();
    expect(endOfDay('01/03/2026')).toBeUndefined();
  });

  it('exports with the filters the API knows and drops the others', () => {
    expect(exportUrl({})).toBe('/api/v1/audit/export');
    const url = exportUrl({ actor: 'risk', action: 'ruleset.published', q: 'x', resourceKey: '' });
    expect(JSON.parse(new URLSearchParams(url.split('?')[1]).get('filter')!)).toEqual({
      actor: 'risk',
      action: 'ruleset.published',
    });
  });

  it('keeps the file name the server gives', () => {
    expect(filenameFrom('attachment; filename="gabarit-audit.csv"')).toBe('gabarit-audit.csv');
    expect(filenameFrom("attachment; filename=x.csv; filename*=UTF-8''journal%20d%C3%A9c.csv")).toBe('journal déc.csv');
    expect(filenameFrom('attachment; filename=plain.csv')).toBe('plain.csv');
    expect(filenameFrom(null, 'fallback.csv')).toBe('fallback.csv');
  });
});

describe('action names', () => {
  const translateIn = (messages: object) => (key: string, options?: object) => {
    const found = key
      .split('.')
      .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
    return typeof found === 'string' ? found : String((options as { _?: string } | undefined)?._ ?? key);
  };

  it('names every action the server records, in French and English', () => {
    for (const messages of [fr, en]) {
      const unnamed = KNOWN_ACTIONS.filter((action) => actionLabel(action, translateIn(messages)) === action);
      expect(unnamed).toEqual([]);
    }
    expect(actionLabel('ruleset.published', translateIn(fr))).toBe('Ensemble de règles publié');
    expect(actionLabel('ruleset.published', translateIn(en))).toBe('Rule set published');
  });

  it('shows the raw code of an action it does not know', () => {
    expect(actionLabel('catalogue.refreshed', translateIn(fr))).toBe('catalogue.refreshed');
  });
});

describe('a reversed date range', () => {
  it('is told from an ordinary or open one', () => {
    const day = (iso: string) => new Date(iso).toISOString();
    expect(reversedRange({ from: day('2026-03-02T00:00:00Z'), to: day('2026-03-01T23:59:59Z') })).toBe(true);
    expect(reversedRange({ from: day('2026-03-01T00:00:00Z'), to: day('2026-03-01T23:59:59Z') })).toBe(false);
    expect(reversedRange({ from: day('2026-03-02T00:00:00Z') })).toBe(false);
  });
});
