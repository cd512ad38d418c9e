import type { ResponseOf } from '../api/types';

/** What GET /prompts/{key}/diff answers: changed parts of the templates, and settings before → after. */
export type PromptDiff = ResponseOf<'/api/v1/prompts/{key}/diff', 'get'>;
export type DiffPart = PromptDiff['template'][number];

/** One line of a template diff as shown: a +/- marker and a word, so meaning never rests on colour alone. */
export interface DiffLine {
  marker: '+' | '−';
  kind: 'added' | 'removed';
  text: string;
}

/** Splits the changed parts into lines (a part may span several); the newline ending a part is not a line. */
export function diffLines(parts: DiffPart[]): DiffLine[] {
  return parts.flatMap((part) => {
    const lines = part.text.split('\n');
    if (lines.length > 1 && lines.at(-1) === '') lines.pop();
    return lines.map((text) => ({ marker: part.kind === 'added' ? '+' : '−', kind: part.kind, text }) as DiffLine);
  });
}

/** A setting's value as text: JSON, so strings keep their quotes and an empty string stays visible; absent is null. */
export function settingText(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}
