import { describe, expect, it } from '@jest/globals';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import fc from 'fast-check';
import { isUrl } from './linear-formats.mjs';
import { COMPILED_HERE_UP_TO, SchemaValidators } from './schema-validators.js';

/** ajv-formats' own `url`: the oracle (it backtracks, so only on short texts). */
const ajvFormatsUrl = (text: string) => (fullFormats.url as RegExp).test(text);

/** Pieces URLs and near-URLs are made of: schemes in any case, octets at the private ranges' edges, spaces of every kind. */
const PIECES = [
  'http://',
  'https://',
  'ftp://',
  'HTTP://',
  'Ftp://',
  'httpſ://',
  'a',
  'B',
  'z',
  '0',
  '1',
  '2',
  '5',
  '9',
  '10',
  '127',
  '169',
  '254',
  '172',
  '16',
  '31',
  '32',
  '192',
  '168',
  '223',
  '224',
  '255',
  '256',
  '.',
  '..',
  '-',
  '@',
  ':',
  '/',
  '?',
  '#',
  ' ',
  '\t',
  '\n',
  '\u00a0',
  '\u3000',
  '\u2028',
  '\ufeff',
  'é',
  '\u00a1',
  '\uffff',
  '😀',
  'K',
  '.com',
  '.fr',
  '.c',
  '.1',
  ':80',
  ':8080',
  ':123456',
  '%20',
  'ſ',
  '_',
  '~',
  'x-y',
  '--',
];
const anyText = fc.array(fc.constantFrom(...PIECES), { maxLength: 14 }).map((pieces) => pieces.join(''));
/** Mostly well-formed URLs, a piece here and there replaced: they sit near the edge between accepted and not. */
const nearUrl = fc
  .tuple(
    fc.constantFrom('http://', 'https://', 'ftp://', 'HTTPS://', 'gopher://', 'http:/'),
    fc.option(fc.constantFrom('user@', 'u:p@', 'a b@', '@', 'x@y@', 'u:@'), { nil: '' }),
    fc.oneof(
      fc
        .tuple(fc.integer({ min: 0, max: 256 }), fc.integer({ min: 0, max: 256 }), fc.nat(256), fc.nat(256))
        .map((o) => o.join('.')),
      fc
        .array(fc.constantFrom('a', 'ex-ample', 'é', '1', 'x--y', '-a', 'a-'), { minLength: 1, maxLength: 3 })
        .chain((labels) => fc.constantFrom('.com', '.q', '.c0', '.québec', '').map((tld) => labels.join('.') + tld)),
    ),
    fc.constantFrom('', '', '', ':80', ':8', ':65535', ':123456', ':x'),
    fc.constantFrom('', '', '/', '/path?q=1#f', '/path?q=1#f', '/a b', '/\u3000', '?q'),
  )
  .map((parts) => parts.join(''));

describe('linear formats', () => {
  it('accepts exactly the URLs ajv-formats accepts', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof({ arbitrary: anyText, weight: 1 }, { arbitrary: nearUrl, weight: 3 }), (text) => {
        const expected = ajvFormatsUrl(text);
        if (expected) accepted++;
        expect(isUrl(text)).toBe(expected);
      }),
      { numRuns: 20_000 },
    );
    expect(accepted).toBeGreaterThan(1_000); // the edge is explored from both sides
  });

  it('leaves out the private IPv4 ranges as ajv-formats does, octet by octet', () => {
    const octets = [
      0, 1, 9, 10, 15, 16, 20, 31, 32, 99, 100, 127, 167, 168, 169, 172, 192, 223, 224, 253, 254, 255, 256,
    ];
    const differing: string[] = [];
    for (let first = 0; first <= 256; first++)
      for (const second of octets)
        for (const last of [0, 1, 254, 255])
          for (const text of [`http://${first}.${second}.1.${last}`, `ftp://u@${first}.0${second}.1.${last}:80/x`])
            if (isUrl(text) !== ajvFormatsUrl(text)) differing.push(text);
    expect(differing).toEqual([]);
    expect(isUrl('http://8.8.8.8')).toBe(true);
    expect(['http://10.0.0.1', 'http://127.0.0.1', 'http://192.168.1.1', 'http://172.20.0.1'].some(isUrl)).toBe(false);
  });

  it('checks a megabyte-long `format: "url"` value in a validator compiled here or in the worker', async () => {
    const validators = new SchemaValidators({ allErrors: true, strict: false }, 10);
    const schema = { type: 'object', properties: { link: { type: 'string', format: 'url' } } };
    const large = {
      ...schema,
      $defs: Object.fromEntries(Array.from({ length: COMPILED_HERE_UP_TO }, (_, i) => [`d${i}`, { type: 'string' }])),
    };
    // ajv-formats' expression took 70 s on 300 000 such characters.
    const hostile = { link: `http://${':'.repeat(1_000_000)}` };
    for (const validate of [await validators.for(schema), await validators.for(large)]) {
      expect(validate(hostile)).toBe(false);
      expect(validate.errors?.[0]).toMatchObject({
        instancePath: '/link',
        keyword: 'format',
        params: { format: 'url' },
      });
      expect(validate({ link: `https://exemple.québec/${'a'.repeat(1_000_000)}` })).toBe(true);
    }
  });
});
