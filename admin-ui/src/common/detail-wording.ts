type Translate = (key: string, options?: Record<string, unknown>) => string;

// The shapes the API gives its field-level messages (server/src/common/http/ajv.ts, ajv's defaults, services).
const SHAPES: [RegExp, string, (m: RegExpMatchArray, translate: Translate) => Record<string, unknown>][] = [
  [/^is required$/, 'required', () => ({})],
  [/^is not an allowed field$/, 'not_allowed', () => ({})],
  [/^is already taken$/, 'taken', () => ({})],
  [
    /^must be (string|number|integer|boolean|object|array|null)$/,
    'type',
    (m, translate) => ({ type: translate(`gabarit.details.types.${m[1]}`) }),
  ],
  [/^must be one of: (.+)$/, 'one_of', (m) => ({ values: m[1] })],
  [/^must be (>=|<=|>|<) (-?[\d.]+)$/, 'compare', (m) => ({ op: m[1], limit: m[2] })],
  [/^must NOT have fewer than (\d+) characters?$/, 'min_length', (m) => ({ smart_count: Number(m[1]) })],
  [/^must NOT have more than (\d+) characters?$/, 'max_length', (m) => ({ smart_count: Number(m[1]) })],
  [/^must NOT have fewer than (\d+) items?$/, 'min_items', (m) => ({ smart_count: Number(m[1]) })],
  [/^must NOT have more than (\d+) items?$/, 'max_items', (m) => ({ smart_count: Number(m[1]) })],
  [/^must match format "([^"]+)"$/, 'format', (m) => ({ format: m[1] })],
  [/^has the wrong format \(expected (.+)\)$/, 'pattern', (m) => ({ expected: m[1] })],
];

/**
 * An API detail message in the console's language when its shape is known (the API speaks English); values
 * such as field names and limits are kept as the API gave them. Unknown shapes are shown as they came.
 */
export function wordDetail(message: string, translate: Translate): string {
  for (const [shape, key, args] of SHAPES) {
    const match = message.match(shape);
    if (match) return translate(`gabarit.details.${key}`, { ...args(match, translate), _: message });
  }
  return message;
}
