/**
 * Where JSON.parse stopped, as a line and a column counted from 1: the browser's message is English and counts
 * characters from 0 (« at position 26 »), or names no place when the text ends too soon (the place is then its end).
 */
export function jsonSyntaxPlace(text: string, err: unknown): { line: number; column: number } {
  const message = err instanceof Error ? err.message : String(err);
  const stated = /line (\d+) column (\d+)/.exec(message);
  if (stated) return { line: Number(stated[1]), column: Number(stated[2]) };
  const position = /position (\d+)/.exec(message);
  const index = position ? Math.min(Number(position[1]), text.length) : text.length;
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

type Translate = (key: string, options?: object) => string;

/**
 * JSON being typed in an editor, read: its value, or where it stops being JSON in the console's words (« JSON
 * invalide : ligne 3, colonne 5 »).
 */
export function readTypedJson(text: string, translate: Translate): { value: unknown } | { mistake: string } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (err) {
    return {
      mistake: translate('gabarit.editors.invalid_json', {
        reason: translate('gabarit.details.syntax.place', jsonSyntaxPlace(text, err)),
      }),
    };
  }
}
