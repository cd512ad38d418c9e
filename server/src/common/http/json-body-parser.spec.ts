import { describe, expect, it } from '@jest/globals';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import Fastify from 'fastify';
import { integerReadsAsWritten } from '../json/long-integers.js';
import {
  hasDigitRun,
  MAX_OBJECT_MEMBERS,
  nestsDeeperThan,
  pointerOfContainerAt,
  registerJsonBodyParser,
  scanJsonText,
  unacceptableValue,
} from './json-body-parser.js';

/**
 * JSON values whose strings and keys are drawn from `characters` (those that matter to a scan, so brackets,
 * quotes and escapes are common), with lists and objects of up to `width` members.
 */
const jsonValues = (characters: string[], width: number) => {
  const tricky = fc.string({ unit: fc.constantFrom(...characters) });
  return fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small' }, tricky, fc.integer(), tie('list'), tie('object')),
    list: fc.array(tie('value'), { maxLength: width }),
    object: fc.dictionary(tricky, tie('value'), { maxKeys: width }),
  })).value;
};

describe('nestsDeeperThan', () => {
  it('counts objects and arrays, not brackets inside strings', () => {
    expect(nestsDeeperThan('{"a":[1,{"b":2}]}', 3)).toBe(false);
    expect(nestsDeeperThan('{"a":[1,{"b":2}]}', 2)).toBe(true);
    expect(nestsDeeperThan('{"a":"[[[[[[{{{{"}', 1)).toBe(false);
    expect(nestsDeeperThan('{"a":"\\\\\\"[[[["}', 1)).toBe(false);
    expect(nestsDeeperThan('42', 0)).toBe(false);
  });

  it('skips strings whatever they hold: brackets, escaped quotes, backslashes before the closing quote', () => {
    expect(nestsDeeperThan('{"a":"x\\\\","b":[[1]]}', 2)).toBe(true); // "x\\" ends with an escaped backslash
    expect(nestsDeeperThan('{"a":"x\\\\","b":[[1]]}', 3)).toBe(false);
    expect(nestsDeeperThan(`{"a":"${'[{'.repeat(40)}\\"${'[{'.repeat(40)}"}`, 1)).toBe(false);
    expect(nestsDeeperThan('["unterminated [[[[', 1)).toBe(false); // JSON.parse refuses it
  });

  it('gives the depth of any JSON text, as its parsed value has it', () => {
    const depth = (value: unknown): number =>
      value !== null && typeof value === 'object' ? 1 + Math.max(0, ...Object.values(value as object).map(depth)) : 0;
    const nested = jsonValues(['[', ']', '{', '}', '"', '\\', 'a', ' '], 4);
    fc.assert(
      fc.property(nested, fc.nat(6), (value, max) => {
        const text = JSON.stringify(value);
        expect(nestsDeeperThan(text, max)).toBe(depth(value) > max);
      }),
      { numRuns: 2000 },
    );
  });

  it('sees nesting after an object wider than the body bound (the DMN import asks for depth alone)', () => {
    const wide = `{${Array.from({ length: MAX_OBJECT_MEMBERS + 1 }, (_, i) => `"k${i}":0`).join(',')}}`;
    const deep = `{"x":${wide},"y":${'['.repeat(100)}${']'.repeat(100)}}`;
    expect(nestsDeeperThan(deep, 64)).toBe(true);
    expect(scanJsonText(deep, 64).wideAt).toBe(5);
  });

  it('answers for 100 000 levels without parsing them', () => {
    const deep = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000);
    expect(nestsDeeperThan(deep, 64)).toBe(true);
    expect(nestsDeeperThan(deep, 100_000)).toBe(false);
  });
});

describe('scanJsonText: objects wider than the bound', () => {
  const wideAt = (text: string, maxMembers: number) => scanJsonText(text, 64, maxMembers).wideAt;

  it('finds an object of more members than the bound, not arrays or strings full of commas', () => {
    expect(wideAt('{"a":1,"b":2,"c":3}', 3)).toBeUndefined();
    expect(wideAt('{"a":1,"b":2,"c":3,"d":4}', 3)).toBe(0);
    expect(wideAt('{"a":[1,2,3,4,5,6],"b":"x,y,z,w,v"}', 3)).toBeUndefined();
    expect(wideAt('[{"a":1},{"b":2},{"c":3},{"d":4}]', 3)).toBeUndefined();
    // Members of nested objects count for their own object only; the wide one is named by where it opens.
    const text = '{"x":{"a":1,"b":{"c":1,"d":2},"e":3},"y":{"a":1,"b":2,"c":3,"d":4}}';
    expect(wideAt(text, 3)).toBe(text.indexOf('{', 1 + text.indexOf('"y"')));
    expect(pointerOfContainerAt(text, wideAt(text, 3)!)).toBe('/y');
  });

  it('says whether the parsed value has an object wider than the bound, and names one', () => {
    const widest = (value: unknown): number =>
      value === null || typeof value !== 'object'
        ? 0
        : Math.max(Array.isArray(value) ? 0 : Object.keys(value).length, ...Object.values(value).map(widest));
    const at = (value: unknown, pointer: string): unknown =>
      pointer === ''
        ? value
        : pointer
            .slice(1)
            .split('/')
            .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'))
            .reduce((node, token) => (node as Record<string, unknown>)[token], value);
    const nested = jsonValues([',', '{', '[', '"', '\\', '/', '~', 'a'], 5);
    fc.assert(
      fc.property(nested, fc.integer({ min: 1, max: 4 }), (value, maxMembers) => {
        const text = JSON.stringify(value);
        const found = wideAt(text, maxMembers);
        expect(found !== undefined).toBe(widest(value) > maxMembers);
        if (found === undefined) return;
        const named = at(value, pointerOfContainerAt(text, found));
        expect(Object.keys(named as object).length).toBeGreaterThan(maxMembers);
      }),
      { numRuns: 2000 },
    );
  });

  it('lets an object as wide as the bound through and refuses one member more, at the API bound', () => {
    const members = (n: number) => `{${Array.from({ length: n }, (_, i) => `"k${i}":${i}`).join(',')}}`;
    expect(wideAt(`{"facts":${members(MAX_OBJECT_MEMBERS)}}`, MAX_OBJECT_MEMBERS)).toBeUndefined();
    const text = `{"facts":${members(MAX_OBJECT_MEMBERS + 1)}}`;
    expect(pointerOfContainerAt(text, wideAt(text, MAX_OBJECT_MEMBERS)!)).toBe('/facts');
  });
});

describe('hasDigitRun', () => {
  it('finds a run of digits of the length asked wherever it starts, and no shorter one', () => {
    for (let at = 0; at < 12; at++) {
      const text = `${'x'.repeat(at)}${'7'.repeat(5)}${'y'.repeat(11 - at)}`;
      expect(hasDigitRun(text, 5)).toBe(true);
      expect(hasDigitRun(text, 6)).toBe(false);
    }
    expect(hasDigitRun('12-345-6789', 5)).toBe(false);
    expect(hasDigitRun('', 1)).toBe(false);
  });
});

describe('unacceptableValue', () => {
  const check = (text: string) => unacceptableValue(JSON.parse(text), text);

  it('names the place of a long or NUL key, an infinite number and an unpaired surrogate', () => {
    expect(check(`{"a":{"${'k'.repeat(1025)}":1}}`)).toEqual({
      path: `/a/${'k'.repeat(64)}`,
      message: expect.stringMatching(/1025 characters/),
    });
    expect(check('{"a\\u0000b":1}')?.message).toMatch(/NUL/);
    expect(check('{"facts":{"total":1e309}}')).toEqual({
      path: '/facts/total',
      message: expect.stringMatching(/too large/),
    });
    // Written out in full, without an exponent: 310 digits.
    expect(check(`{"facts":{"total":1${'0'.repeat(309)}}}`)).toEqual({
      path: '/facts/total',
      message: expect.stringMatching(/too large/),
    });
    // 301 digits and an exponent of two: 1e310, neither a long exponent nor 309 digits in a row.
    expect(check(`{"facts":{"total":1${'0'.repeat(300)}e10}}`)).toEqual({
      path: '/facts/total',
      message: expect.stringMatching(/too large/),
    });
    expect(check('{"list":["ok","\\ud800"]}')).toEqual({
      path: '/list/1',
      message: expect.stringMatching(/surrogate/),
    });
  });

  it('finds what it refuses in a large body the same way when the scan says how long the longest string is', () => {
    // Batches: over 64 brackets (so the text is scanned), keys short and long, values with escapes or without.
    const key = fc.oneof(fc.string({ maxLength: 8 }), fc.string({ minLength: 1020, maxLength: 1030 }));
    const item = fc.dictionary(
      key,
      fc.oneof(fc.string({ maxLength: 30 }), fc.integer(), fc.string({ maxLength: 1100 })),
      {
        maxKeys: 3,
      },
    );
    fc.assert(
      fc.property(fc.array(item, { minLength: 70, maxLength: 90 }), (items) => {
        const text = JSON.stringify({ items });
        const scanned = scanJsonText(text, 64);
        expect(scanned.longestString).toBeDefined();
        expect(unacceptableValue(JSON.parse(text), text, scanned.longestString)).toEqual(
          unacceptableValue(JSON.parse(text), text, Infinity),
        );
      }),
      { numRuns: 300 },
    );
    const longKey = JSON.stringify({ items: [...Array(70).fill({}), { ['k'.repeat(1025)]: 1 }] });
    expect(unacceptableValue(JSON.parse(longKey), longKey, scanJsonText(longKey, 64).longestString)?.path).toBe(
      `/items/70/${'k'.repeat(64)}`,
    );
  });

  it('refuses every number JSON.parse turns into Infinity, and only those, however it is written', () => {
    // Short numbers, and numbers near the 309 digits where the largest finite ones end.
    const digits = (min: number, max: number) =>
      fc.array(fc.constantFrom(...'0123456789'), { minLength: min, maxLength: max }).map((d) => d.join(''));
    const numberText = fc
      .tuple(
        fc.constantFrom('', '-'),
        fc.oneof(
          fc.constant('0'),
          fc.tuple(fc.constantFrom(...'123456789'), fc.oneof(digits(0, 20), digits(285, 320))).map(([a, b]) => a + b),
        ),
        fc.option(
          digits(1, 20).map((d) => `.${d}`),
          { nil: '' },
        ),
        fc.option(
          fc
            .tuple(fc.constantFrom('e', 'E'), fc.constantFrom('', '+', '-'), digits(1, 4))
            .map(([e, sign, d]) => e + sign + d),
          { nil: '' },
        ),
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(numberText, (number) => {
        const text = `{"facts":{"total":${number}}}`;
        const read = JSON.parse(text).facts.total;
        const infinite = !Number.isFinite(read);
        // An integer written out in full that JSON.parse rounded is refused too (see the next test).
        const inexact = /^-?\d+$/.test(number) && !infinite && !integerReadsAsWritten(number);
        expect(check(text)?.path).toBe(infinite || inexact ? '/facts/total' : undefined);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses an integer written with more digits than JSON.parse reads exactly, and only such an integer', () => {
    expect(check('{"facts":{"invoice":{"id":9007199254740993}}}')).toEqual({
      path: '/facts/invoice/id',
      message: expect.stringContaining('read as 9007199254740992'),
    });
    expect(check('{"version":-12345678901234567890}')?.path).toBe('/version');
    // Exact however long, or a floating-point number by how it is written: read as sent.
    for (const exact of [
      '9007199254740992',
      '100000000000000000000',
      '100000000000000000000000',
      '1e20',
      '12345678901234567.5',
      '1.2345678901234567e20',
    ])
      expect(check(`{"n":${exact}}`)).toBeUndefined();
    // The same digits in a string are text: nothing is read from them, and an exact number of the same value
    // beside them stands.
    expect(check('{"id":"9007199254740993","n":1}')).toBeUndefined();
    expect(check('{"facts":{"id":"9007199254740993","n":9007199254740992}}')).toBeUndefined();
    expect(check('{"facts":{"s":"a 9007199254740993","b":[9007199254740992]}}')).toBeUndefined();
    // The one written inexactly is named, not an exact one of the same value before it.
    expect(check('{"facts":{"n":9007199254740992,"m":[1,{"k\\"":9007199254740993}]}}')?.path).toBe('/facts/m/1/k"');
  });

  it('names the place after walking clean values before it (the path is written only for the value refused)', () => {
    const items = Array.from({ length: 60 }, (_, i) => ({ facts: { n: i, lines: [{ a: 1 }, { b: 'x' }] } }));
    const text = JSON.stringify({ items }).replace('"n":57', '"n":1e999');
    expect(check(text)).toEqual({ path: '/items/57/facts/n', message: expect.stringMatching(/too large/) });
  });

  it('names the place of an inexact integer after empty objects and lists (their strings are not keys)', () => {
    expect(check('{"a":[{},"x",{"":[]},12345678901234567]}')).toEqual({
      path: '/a/3',
      message: expect.stringContaining('send it as a string'),
    });
  });

  it('reads nothing of the parsed value when its text shows it clean: keys spelling exponents, letters escaped', () => {
    // 85 000 keys such as "1e22" were walked (15 ms after a 35 ms parse) for an exponent no number had.
    const walked = () => {
      throw new Error('the value was read');
    };
    const untouchable = new Proxy({}, { get: walked, has: walked, ownKeys: walked, getOwnPropertyDescriptor: walked });
    const text = '{"1e22":0,"2E99":[1e5,2.5e-3,"3e10"],"\\u00e9t\\u00e9":"caf\\u00e9"}';
    expect(unacceptableValue(untouchable, text)).toBeUndefined();
    expect(check(text)).toBeUndefined();
    // What the text does hold is still found: an exponent written as a number, an escaped surrogate or NUL.
    expect(check('{"1e22":0,"n":[1,2e400]}')?.path).toBe('/n/1');
    expect(check('{"a":"\\uDBFF"}')?.path).toBe('/a');
    expect(check('{"a\\u0000":1}')?.message).toMatch(/NUL/);
  });

  it('lets ordinary bodies through, pairs of surrogates (emoji) and large finite numbers included', () => {
    expect(check('{"nom":"Léa 😀","montant":1e300,"\\u00e9":"\\ud83d\\ude00"}')).toBeUndefined();
    expect(
      check(
        JSON.stringify({
          facts: { invoice: { total: 114.98, lines: Array.from({ length: 500 }, (_, i) => ({ n: i })) } },
        }),
      ),
    ).toBeUndefined();
  });
});

describe('the JSON body parser', () => {
  /** What happened, in order, while a body was received, parsed and handled. */
  async function orderFor(body: string): Promise<string[]> {
    const order: string[] = [];
    const app = Fastify({ bodyLimit: 2 * 1024 * 1024 });
    registerJsonBodyParser(app);
    // A timer due as the body's last bytes arrive: any turn the parser gives the event loop lets it run.
    app.addHook('preParsing', (_request, _reply, payload, done) => {
      payload.on('end', () => setTimeout(() => order.push('a timer'), 0));
      done(null, payload);
    });
    app.post('/', (request) => {
      order.push('handler');
      return { members: Object.keys(request.body as object).length };
    });
    const parse = JSON.parse;
    JSON.parse = (text: string, reviver?: Parameters<typeof parse>[1]) => {
      if (text === body) order.push('JSON.parse');
      return parse(text, reviver) as unknown;
    };
    try {
      await app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = app.server.address() as AddressInfo;
      const answer = await fetch(`http://127.0.0.1:${port}/`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      expect(answer.status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 5)); // the timer, if it has not run yet
      return order;
    } finally {
      JSON.parse = parse;
      await app.close();
    }
  }

  it('parses a large body in a turn of its own, after its checks (together they were 27–46 ms)', async () => {
    const large = JSON.stringify(
      Object.fromEntries(Array.from({ length: 9_000 }, (_, i) => [`k${i}`, 'x'.repeat(20)])),
    );
    expect(large.length).toBeGreaterThan(128 * 1024);
    expect(await orderFor(large)).toEqual(['a timer', 'JSON.parse', 'handler']);
  });

  it('parses a small body at once', async () => {
    expect(await orderFor('{"a":1}')).toEqual(['JSON.parse', 'handler', 'a timer']);
  });
});
