import polyglotI18nProvider from 'ra-i18n-polyglot';
import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { fr } from '../i18n/fr';
import { TOKEN_ENGLISH } from '../../../server/src/engine/template-errors';
import {
  ARCHIVED_KINDS,
  CSV_REASONS,
  DMN_REASONS,
  NOT_FOUND_KINDS,
  SYNTAX_REASONS,
  TEMPLATE_REASONS,
  wordDetail,
} from './detail-wording';
import { PATTERN_FORMATS } from './pattern-formats';

const inFrench = polyglotI18nProvider(() => fr, 'fr').translate as (
  key: string,
  options?: Record<string, unknown>,
) => string;
const inEnglish = polyglotI18nProvider(() => en, 'en').translate as (
  key: string,
  options?: Record<string, unknown>,
) => string;

describe('API detail messages in the console’s language', () => {
  // Details as the API sends them (server/src/common/http/ajv.ts): English message, keyword and parameters.
  const details = [
    { message: 'is required', keyword: 'required', params: { missingProperty: 'name' } },
    { message: 'must be number', keyword: 'type', params: { type: 'number' } },
    { message: 'must be one of: fr, en, fr-en', keyword: 'enum', params: { allowedValues: ['fr', 'en', 'fr-en'] } },
    { message: 'must be >= 0', keyword: 'minimum', params: { comparison: '>=', limit: 0 } },
    { message: 'must NOT have fewer than 2 characters', keyword: 'minLength', params: { limit: 2 } },
    {
      message: 'has the wrong format (expected snake_case such as auto_approve)',
      keyword: 'pattern',
      params: { pattern: '^[a-z_]+$', expected: 'snake_case such as auto_approve' },
    },
    { message: 'is not an allowed field', keyword: 'additionalProperties', params: { additionalProperty: 'x' } },
    {
      message: 'must be a date YYYY-MM-DD, from 1900-01-01 to 9999-12-31',
      keyword: 'cellType',
      params: { type: 'date' },
    },
    { message: 'is already taken', keyword: 'taken' },
    {
      message: '"__proto__" is reserved by JavaScript objects; name this column otherwise',
      keyword: 'reservedName',
      params: { name: '__proto__' },
    },
    { message: 'the variant name "a" is used twice', keyword: 'duplicate', params: { value: 'a' } },
    { message: 'is in review', keyword: 'versionStatus', params: { status: 'in_review' } },
    { message: 'is taken by "brievete"', keyword: 'takenBy', params: { experiment: 'brievete' } },
    { message: 'version 7 of "ask" is not published', keyword: 'notPublished', params: { version: 7 } },
    {
      message: 'claude-sonnet-4-5 is being retired by the provider (end of life 2026-11-30); choose a current model',
      keyword: 'retiringModel',
      params: { model: 'claude-sonnet-4-5', endOfLife: '2026-11-30' },
    },
    {
      message: 'differs from version 1, which serves subjects',
      keyword: 'assignmentChanged',
      params: { version: 1 },
    },
    { message: 'does not allow this operation', keyword: 'credentials', params: { state: 'insufficient' } },
    {
      message: 'is before the first version took effect (2026-12-08T00:38:24.000Z)',
      keyword: 'notInForce',
      params: { reason: 'before_first', firstEffectiveFrom: '2026-12-08T00:38:24.000Z' },
    },
  ];

  it('words each kind of problem in French from its keyword and parameters, keeping the values', () => {
    expect(details.map((d) => wordDetail(d, inFrench, 'fr'))).toEqual([
      'Valeur obligatoire.',
      'doit être un nombre',
      'doit valoir l’une de ces valeurs : fr, en, fr-en',
      'doit être au moins 0',
      'doit compter au moins 2 caractères',
      'n’a pas le bon format (attendu : lettres minuscules, chiffres et _, commençant par une lettre, par exemple auto_approve)',
      'n’est pas un champ permis',
      'Doit être une date réelle AAAA-MM-JJ, du 1900-01-01 au 9999-12-31.',
      'valeur déjà utilisée',
      '«\u00a0__proto__\u00a0» est un nom réservé\u00a0: choisissez-en un autre',
      '«\u00a0a\u00a0» est déjà utilisé plus haut',
      'est à l’état «\u00a0En revue\u00a0»',
      'est déjà pris par l’expérience «\u00a0brievete\u00a0»',
      'la version 7 de ce gabarit n’est pas publiée\u00a0: une variante sert une version publiée',
      'claude-sonnet-4-5 est un modèle que le fournisseur retire (fin de vie le 2026-11-30)\u00a0: choisissez un modèle actuel',
      'diffère de la version 1, qui sert déjà des personnes',
      'ne permet pas cette opération',
      'précède l’entrée en vigueur de la première version (2026-12-08T00:38:24.000Z)',
    ]);
  });

  it('says where content over its size limit weighs, in each language', () => {
    const heavy = {
      path: '/definition',
      message: 'holds 600 KiB of the 612 KiB; the limit is 512 KiB in all',
      keyword: 'maxBytes',
      params: { partKiB: 600, totalKiB: 612, limitKiB: 512 },
    };
    expect(wordDetail(heavy, inFrench, 'fr')).toBe(
      'en pèse 600 Kio sur 612 Kio\u202f; la limite est de 512 Kio en tout',
    );
    expect(wordDetail(heavy, inEnglish, 'en')).toBe('holds 600 KiB of the 612 KiB; the limit is 512 KiB in all');
  });

  it('says how many different schemas an evaluation set has, and how many it may, in each language', () => {
    const many = {
      path: '/cases/20/expect/0/schema',
      message: 'is one schema more than a set may check answers against: this set has 40 different ones, at most 20',
      keyword: 'maxSchemas',
      params: { limit: 20, count: 40 },
    };
    expect(wordDetail(many, inFrench, 'fr')).toBe(
      'est un schéma de trop\u00a0: ce jeu en compte 40 différents, au plus 20 (un schéma réutilisé compte une fois)',
    );
    expect(wordDetail(many, inEnglish, 'en')).toBe(
      'is one schema too many: this set has 40 different ones, at most 20 (one used again counts once)',
    );
  });

  it('says why a password is too easy to guess, in each language, and still refuses one whose reason it cannot name', () => {
    const repeated = {
      path: '/password',
      message: 'is too easy to guess (strength 0 of 4, at least 3 needed)',
      keyword: 'weakPassword',
      params: { score: 0, minimum: 3, warning: 'simpleRepeat' },
    };
    expect(wordDetail(repeated, inFrench, 'fr')).toBe(
      'est trop facile à deviner (des caractères répétés («\u00a0aaa\u00a0») se devinent facilement)\u00a0: choisissez-en un plus long, par exemple quelques mots sans lien entre eux',
    );
    expect(wordDetail(repeated, inEnglish, 'en')).toBe(
      'is too easy to guess (repeated characters ("aaa") are easy to guess): choose a longer one, such as a few unrelated words',
    );
    for (const params of [
      { score: 2, minimum: 3 },
      { score: 1, minimum: 3, warning: 'aNewReason' },
    ])
      expect(wordDetail({ ...repeated, params }, inFrench, 'fr')).toBe(
        'est trop facile à deviner\u00a0: choisissez-en un plus long, par exemple quelques mots sans lien entre eux',
      );
  });

  it('words a pattern RE2 refuses in each language, keeping RE2’s own reason', () => {
    const invalid = {
      path: '/definition/rules/1/conditions/all/1/value',
      message: 'is not a regular expression Gabarit can match: missing closing ]: `[a-z`',
      keyword: 'regex',
      params: { reason: 'invalid', engine: 'missing closing ]: `[a-z`' },
    };
    expect(wordDetail(invalid, inFrench, 'fr')).toMatch(
      /^n’est pas une expression régulière que Gabarit applique \(RE2\s?: missing closing \]: `\[a-z`\)/,
    );
    expect(wordDetail(invalid, inEnglish, 'en')).toMatch(/^is not a regular expression Gabarit can match \(RE2: /);
    expect(wordDetail({ ...invalid, params: { reason: 'too_long', limit: 200 } }, inFrench, 'fr')).toBe(
      'compte plus de 200 caractères',
    );
  });

  it('says how many allowed values there are when the API names only the first ones', () => {
    const detail = {
      message: 'must be one of: a, {"b":1}, … (300 in all)',
      keyword: 'enum',
      params: { allowedValues: ['a', { b: 1 }], allowedCount: 300 },
    };
    expect(wordDetail(detail, inFrench, 'fr')).toBe('doit valoir l’une de ces valeurs\u00a0: a, {"b":1}, … (300)');
  });

  it('words them in English too, and keeps the API’s message when there is no keyword to go by', () => {
    expect(details.slice(0, 5).map((d) => wordDetail(d, inEnglish, 'en'))).toEqual([
      'Value required.',
      'must be number',
      'must be one of: fr, en, fr-en',
      'must be at least 0',
      'must be at least 2 characters long',
    ]);
    // An empty field is said so, in both languages, not as « ne doit pas faire moins de 1 caractère ».
    const empty = { message: 'must NOT have fewer than 1 characters', keyword: 'minLength', params: { limit: 1 } };
    expect([wordDetail(empty, inFrench, 'fr'), wordDetail(empty, inEnglish, 'en')]).toEqual([
      'ne peut pas être vide',
      'cannot be empty',
    ]);
    expect(wordDetail({ message: '"bogus" is not a known operator' }, inFrench, 'fr')).toBe(
      '"bogus" is not a known operator',
    );
    expect(wordDetail({ message: 'odd', keyword: 'madeUp', params: {} }, inFrench, 'fr')).toBe('odd');
  });

  it('words every format the API describes, and keeps the whole English sentence for one it does not know', () => {
    for (const [expected, format] of Object.entries(PATTERN_FORMATS)) {
      const detail = {
        message: `has the wrong format (expected ${expected})`,
        keyword: 'pattern',
        params: { expected },
      };
      expect(inFrench(`gabarit.details.formats.${format}`)).not.toContain('gabarit.');
      expect(wordDetail(detail, inEnglish, 'en')).toBe(
        `has the wrong format (expected ${inEnglish(`gabarit.details.formats.${format}`)})`,
      );
    }
    const unknown = { message: 'has the wrong format (expected a new kind of key)', keyword: 'pattern' };
    expect(wordDetail({ ...unknown, params: { pattern: '^x$', expected: 'a new kind of key' } }, inFrench, 'fr')).toBe(
      unknown.message,
    );
  });
});

describe('refused changes of a version or a table, in the console’s language', () => {
  // As the API sends them (server: governance/lifecycle.ts, reference-tables.service.ts, common/http/if-match.ts).
  const refusals = [
    {
      message: 'cannot go back to draft while version 3 is one',
      keyword: 'draftExists',
      params: { draft: 3, draftedBy: 'analyst2' },
    },
    {
      message: 'was written from version 1, not from version 2',
      keyword: 'staleBase',
      params: { basedOn: 1, inForce: 2 },
    },
    {
      message: 'was written when no version was in force, not from version 2',
      keyword: 'staleBase',
      params: { basedOn: null, inForce: 2 },
    },
    {
      message: 'would be undone…',
      keyword: 'scheduledLater',
      params: { scheduled: 4, effectiveFrom: '2027-01-01T00:00:00.000Z' },
    },
    { message: 'has test cases that were not run on its content', keyword: 'testsNotRun' },
    { message: 'has 1 failing test case(s)', keyword: 'testsFailed', params: { failed: 1 } },
    { message: 'has 3 failing test case(s)', keyword: 'testsFailed', params: { failed: 3 } },
    {
      message: 'takes effect at …, less than a minute from now',
      keyword: 'tooLateToWithdraw',
      params: { effectiveFrom: 'x' },
    },
    { message: 'had another publication at the same moment', keyword: 'concurrentPublication' },
    { message: 'has a change proposed by analyst', keyword: 'proposedBy', params: { proposedBy: 'analyst' } },
    { message: 'was changed by someone else at the same moment', keyword: 'changedMeanwhile' },
    { message: 'is "ruleset:a:v1:r1", the current one is …', keyword: 'staleCopy' },
    {
      message: 'version 2 is served by "brievete"',
      keyword: 'servedBy',
      params: { experiment: 'brievete', version: 2 },
    },
  ];

  it('says what stands in the way, with the versions and people it names, in French and in English', () => {
    expect(refusals.map((d) => wordDetail(d, inFrench, 'fr'))).toEqual([
      'ne peut pas revenir au brouillon\u00a0: la version 3 est en cours de rédaction (par analyst2) et doit d’abord être soumise',
      'a été rédigée à partir de la version 1, pas de la version 2 en vigueur',
      'a été rédigée quand aucune version n’était en vigueur, pas à partir de la version 2',
      'serait annulée par la version 4, programmée pour prendre effet plus tard',
      'a des cas de test qui n’ont pas été lancés sur son contenu',
      'a un cas de test en échec',
      'a 3 cas de test en échec',
      'prend effet dans moins d’une minute\u00a0: trop tard pour retirer sa programmation',
      'Une autre publication a eu lieu au même moment',
      'La modification a été proposée par analyst',
      'Quelqu’un d’autre l’a modifiée au même moment',
      'Votre copie n’est plus la version actuelle\u00a0: rechargez la page',
      'La version 2 est servie par l’expérience «\u00a0brievete\u00a0»',
    ]);
    const english = refusals.map((d) => wordDetail(d, inEnglish, 'en'));
    expect(english.slice(0, 3)).toEqual([
      'cannot go back to draft: version 3 is being drafted (by analyst2) and must be submitted first',
      'was written from version 1, not from version 2, which is in force',
      'was written when no version was in force, not from version 2',
    ]);
    expect(english.slice(5, 7)).toEqual(['has one failing test case', 'has 3 failing test cases']);
    // None falls back on the API's English message in French.
    refusals.forEach((d) => expect(wordDetail(d, inFrench, 'fr')).not.toBe(d.message));
  });
});

describe('files a parser cannot read, in the console’s language', () => {
  // As the API sends them: dmn-xml.ts (line and column) and reference-tables.service.ts (CSV line and reason).
  const xml = {
    message: "line 1, column 1: char 't' is not expected.",
    keyword: 'syntax',
    params: { line: 1, column: 1 },
  };
  const csv = (reason?: string) => ({
    message: 'Quote Not Closed: the parsing is finished with an opening quote at line 4',
    keyword: 'syntax',
    params: { line: 4, ...(reason && { reason }) },
  });

  it('names the line and column in words, and says what is wrong where the API says which kind of mistake', () => {
    expect(wordDetail(xml, inFrench, 'fr')).toBe(
      'Ligne 1, colonne 1\u00a0: la syntaxe n’est pas respectée à cet endroit.',
    );
    expect(wordDetail(xml, inEnglish, 'en')).toBe('Line 1, column 1: the syntax is not respected here.');
    expect(wordDetail(csv('quote_not_closed'), inFrench, 'fr')).toBe('Un guillemet ouvert n’est jamais fermé.');
    expect(wordDetail(csv('field_count'), inEnglish, 'en')).toBe(
      'The line does not have as many fields as the header.',
    );
    expect(wordDetail(csv('made_up'), inFrench, 'fr')).toBe('La syntaxe n’est pas respectée à cet endroit.');
    for (const reason of SYNTAX_REASONS)
      expect(wordDetail(csv(reason), inEnglish, 'en')).not.toMatch(/gabarit\.|Quote/);
    // A DMN file's XML mistakes, with the tag the parser names (it was « la syntaxe n'est pas respectée »).
    const unclosed = {
      message: 'x',
      keyword: 'syntax',
      params: { line: 27, column: 20, reason: 'unclosed_tag', tag: 'rule' },
    };
    expect(wordDetail(unclosed, inFrench, 'fr')).toMatch(
      /^Ligne 27, colonne 20\s:\sla balise <rule> n’est jamais fermée \(le fichier est peut-être tronqué\)\.$/,
    );
    const notDmn = { message: 'x', keyword: 'syntax', params: { reason: 'not_definitions', root: 'html' } };
    expect(wordDetail(notDmn, inEnglish, 'en')).toBe(
      'The root element is <html>, not DMN <definitions>: this is not a DMN file.',
    );
  });
});

describe('refusals of a DMN import in the console’s language', () => {
  // As the API sends them (server/src/modules/rulesets/dmn/dmn-import.ts): keyword dmn, a reason and its values.
  const dmn = (reason: string, params: Record<string, unknown> = {}) => ({
    message: 'the API’s English',
    keyword: 'dmn',
    params: { reason, ...params },
  });

  it('words a FEEL cell it cannot convert with the cell’s text, in French and in English', () => {
    const range = dmn('range', { text: 'not([1..5])' });
    expect(wordDetail(range, inFrench, 'fr')).toBe(
      '«\u00a0not([1..5])\u00a0»\u00a0: un intervalle ne se convertit que seul dans sa cellule\u00a0: ' +
        'avec not() ou d’autres tests, c’est un «\u00a0ou\u00a0» de comparaisons',
    );
    expect(wordDetail(range, inEnglish, 'en')).toBe(
      '“not([1..5])”: a range converts only alone in its cell: with not() or other tests it is an “or” of comparisons',
    );
    const words = dmn('range_numbers', { text: '["a".."m"]' });
    expect(wordDetail(words, inFrench, 'fr')).toBe(
      '«\u00a0["a".."m"]\u00a0»\u00a0: un intervalle ([a..b]) ne se convertit qu’avec un nombre à chaque borne',
    );
    const output = dmn('not_literal', { text: 'date("2024-01-01")', at: 1, literalOnly: true });
    expect(wordDetail(output, inFrench, 'fr')).toBe(
      '«\u00a0date("2024-01-01")\u00a0»\u00a0: pas une valeur littérale au caractère 1\u202f; seules les valeurs littérales sont converties',
    );
  });

  it('words every reason the import gives, and keeps the API’s message for one it does not know', () => {
    const params = {
      count: 2,
      aggregation: 'SUM',
      hitPolicy: 'PRIORITY',
      supported: 'UNIQUE, FIRST',
      text: 'x',
      entries: 1,
      expected: 2,
      escape: '\\q',
      at: 3,
      symbol: '<',
      number: '9007199254740993',
      max: 48,
      limit: 2000,
      key: '__proto__',
      length: 30000,
      name: 'risk',
      first: 1,
      second: 2,
    };
    for (const reason of DMN_REASONS) {
      for (const [translate, locale] of [
        [inFrench, 'fr'],
        [inEnglish, 'en'],
      ] as const) {
        const worded = wordDetail(dmn(reason, params), translate, locale);
        expect(worded).not.toBe('the API’s English');
        expect(worded).not.toMatch(/%\{|gabarit\./);
      }
    }
    expect(wordDetail(dmn('other', { message: 'TypeError: x' }), inFrench, 'fr')).toBe('the API’s English');
  });
});

describe('refusals of a CSV import in the console’s language', () => {
  // As the API sends them (server/src/modules/reference-data/csv-reader.ts): keyword csv, a reason and its values.
  const csv = (reason: string, params: Record<string, unknown> = {}) => ({
    message: 'the API’s English',
    keyword: 'csv',
    params: { reason, ...params },
  });

  it('words a header naming a column twice, and a file past the row limit, in French and in English', () => {
    const twice = csv('duplicate_header', { column: 'n' });
    expect(wordDetail(twice, inFrench, 'fr')).toBe('La colonne «\u00a0n\u00a0» est nommée deux fois dans l’en-tête.');
    expect(wordDetail(twice, inEnglish, 'en')).toBe('The column “n” is named twice in the header.');
    expect(wordDetail(csv('too_many_rows', { limit: 20000 }), inFrench, 'fr')).toBe(
      'Cette ligne dépasse les 20000 lignes qu’une table peut contenir\u00a0: rien n’a été importé.',
    );
  });

  it('words a merge that would pass the row limit with the rows it would add', () => {
    const merge = csv('merge_too_many_rows', { limit: 20000, added: 20000, rows: 3 });
    expect(wordDetail(merge, inEnglish, 'en')).toBe(
      'Merged with the table’s 3 rows, this file would add 20000: a table holds at most 20000. Nothing was imported.',
    );
  });

  it('words every reason in both languages, and keeps the API’s message for one it does not know', () => {
    const params = { column: 'n', cell: 2, limit: 50, added: 3, rows: 4 };
    for (const reason of CSV_REASONS)
      for (const translate of [inFrench, inEnglish]) {
        const worded = wordDetail(csv(reason, params), translate, 'fr');
        expect(worded).not.toContain('gabarit.');
        expect(worded).not.toContain('%{');
      }
    expect(wordDetail(csv('made_up'), inFrench, 'fr')).toBe('the API’s English');
  });
});

describe('paths that name nothing, or something archived, in the console’s language', () => {
  it('words every kind the API names, in French and in English, and keeps the API’s message for another', () => {
    for (const what of NOT_FOUND_KINDS)
      for (const translate of [inFrench, inEnglish]) {
        const worded = wordDetail({ message: 'names no x', keyword: 'notFound', params: { what } }, translate, 'fr');
        expect(worded).not.toContain('gabarit.');
        expect(worded).not.toBe('names no x');
      }
    for (const what of ARCHIVED_KINDS)
      expect(wordDetail({ message: 'x', keyword: 'archived', params: { what } }, inFrench, 'fr')).toMatch(/^désigne/);
    expect(
      wordDetail(
        { message: 'names no decision record kept', keyword: 'notFound', params: { what: 'decision' } },
        inFrench,
        'fr',
      ),
    ).toBe('ne désigne aucune décision conservée (les décisions sont conservées pour une durée limitée)');
    expect(
      wordDetail({ message: 'names no spaceship', keyword: 'notFound', params: { what: 'spaceship' } }, inFrench, 'fr'),
    ).toBe('names no spaceship');
  });

  it('words a file that is not UTF-8, saying what to do', () => {
    const latin = { message: 'is not valid UTF-8', keyword: 'encoding', params: { reason: 'not_utf8' } };
    expect(wordDetail(latin, inFrench, 'fr')).toMatch(/^n’est pas en UTF-8 .* enregistrez le fichier en UTF-8$/);
    const declared = { message: 'x', keyword: 'encoding', params: { reason: 'declared', encoding: 'iso-8859-1' } };
    expect(wordDetail(declared, inEnglish, 'en')).toBe('declares the encoding iso-8859-1: save the file as UTF-8');
  });

  it('words a refused DOCTYPE with its place', () => {
    const doctype = {
      message: 'line 1: <!DOCTYPE is not accepted',
      keyword: 'syntax',
      params: { line: 1, column: 1, reason: 'declaration' },
    };
    expect(wordDetail(doctype, inFrench, 'fr')).toMatch(/^Ligne 1, colonne 1\s: une déclaration DOCTYPE ou ENTITY/);
  });
});

describe('a reference table’s rows the API refuses, in the console’s language', () => {
  // As the API sends them (server/src/modules/reference-data/rows.ts).
  const repeated = (place: Record<string, number>) => ({
    message: 'repeats the key "33" of …',
    keyword: 'repeatedKey',
    params: { key: '33', ...place },
  });

  it('names the first row of a repeated key as the grid numbers it, and a file’s line as the file does', () => {
    expect(wordDetail(repeated({ row: 0 }), inFrench, 'fr')).toBe('Répète la clé «\u00a033\u00a0» de la ligne 1.');
    expect(wordDetail(repeated({ line: 2 }), inEnglish, 'en')).toBe('Repeats the key “33” of line 2 of the file.');
    expect(wordDetail({ ...repeated({}), message: 'as sent' }, inFrench, 'fr')).toBe('as sent');
  });

  it('words a column the table lacks and a key with spaces at its ends', () => {
    const unknown = { message: 'is not a column of this table', keyword: 'unknownColumn', params: { column: 'x' } };
    expect(wordDetail(unknown, inFrench, 'fr')).not.toBe(unknown.message);
    expect(wordDetail(unknown, inEnglish, 'en')).toBe('Is not a column of this table.');
    const spaces = { message: 'begins or ends with spaces', keyword: 'keySpaces' };
    expect(wordDetail(spaces, inFrench, 'fr')).toMatch(/^Commence ou finit par des espaces/);
  });
});

describe('templates the API refuses, in the console’s language', () => {
  // As the API sends them (server/src/engine/template-safety.ts, template-errors.ts): keyword template and a reason.
  const template = (reason: string, params: Record<string, unknown> = {}) => ({
    message: 'the API’s English',
    keyword: 'template',
    params: { reason, ...params },
  });

  it('says where a template breaks and what is found and expected there, in French and in English', () => {
    const unclosed = template('syntax', {
      line: 1,
      before: 'Q : {{#if q}}{{q}}',
      found: 'end',
      expected: ['else_chain', 'else', 'close_block'],
    });
    expect(wordDetail(unclosed, inFrench, 'fr')).toBe(
      'n’est pas un gabarit valide\u00a0: ligne 1, après «\u00a0Q : {{#if q}}{{q}}\u00a0», on trouve la fin du gabarit alors qu’on attend {{else …}} ou {{else}} ou {{/…}}',
    );
    expect(wordDetail(unclosed, inEnglish, 'en')).toBe(
      'is not a valid template: line 1, after “Q : {{#if q}}{{q}}”, found the end of the template where {{else …}} or {{else}} or {{/…}} was expected',
    );
    const mismatch = template('mismatch', { line: 3, opened: 'each', closed: 'if' });
    expect(wordDetail(mismatch, inFrench, 'fr')).toBe(
      'n’est pas un gabarit valide\u00a0: ligne 3, {{#each}} est fermé par {{/if}}',
    );
    expect(wordDetail(template('tags', { found: 5400, limit: 200 }), inFrench, 'fr')).toMatch(
      /^compte 5400 balises\u202f; 200 au plus sont permises/,
    );
  });

  it('words every reason in both languages, and keeps the API’s message when Handlebars said something else', () => {
    const params = {
      found: 'end',
      expected: ['name'],
      limit: 16,
      line: 2,
      before: 'x',
      name: 'lookup',
      allowed: 'eq',
      min: 1,
      max: 2,
      key: 'sep',
    };
    for (const reason of TEMPLATE_REASONS)
      for (const translate of [inFrench, inEnglish]) {
        const worded = wordDetail(template(reason, { ...params, opened: 'if', closed: 'each' }), translate, 'fr');
        expect(worded).not.toMatch(/gabarit\.details|%\{|the API’s English/);
      }
    expect(wordDetail(template('syntax', { text: 'Unknown thing' }), inFrench, 'fr')).toBe('the API’s English');
    expect(wordDetail(template('made_up'), inFrench, 'fr')).toBe('the API’s English');
  });

  it('has a word for every token the API names, in both languages', () => {
    const words = Object.keys(TOKEN_ENGLISH).sort();
    expect(Object.keys(fr.gabarit.details.template.tokens).sort()).toEqual(words);
    expect(Object.keys(en.gabarit.details.template.tokens).sort()).toEqual(words);
  });
});
