import { describe, expect, it } from '@jest/globals';
import { buildReceipt, informationUsed } from './receipt.js';
import { dateInWords, dayInWords, outcomeInWords } from './receipt-messages.js';

const schema = {
  type: 'object',
  properties: {
    employee: {
      title: 'Personne embauchée',
      'x-title-en': 'Employee',
      type: 'object',
      properties: {
        name: { title: 'Nom', 'x-title-en': 'Name', type: 'string', 'x-pii': true },
        status: { title: 'Statut', type: 'string' },
        address: {
          title: 'Adresse',
          'x-pii': true,
          type: 'object',
          properties: { city: { title: 'Ville', type: 'string' } },
        },
      },
    },
    children: { type: 'integer' },
  },
};

describe('a receipt', () => {
  it('lists every field received, titled in the reader’s language, personal ones flagged and their values withheld', () => {
    const facts = { employee: { name: '***', status: 'permanent', address: { city: '***' } }, children: 2 };
    expect(informationUsed(schema, facts, 'en', false)).toEqual([
      { path: '/employee/name', title: 'Employee — Name', personal: true, shown: false },
      { path: '/employee/status', title: 'Employee — Statut', personal: false, shown: true, value: 'permanent' },
      { path: '/employee/address/city', title: 'Employee — Adresse — Ville', personal: true, shown: false },
      { path: '/children', title: 'children', personal: false, shown: true, value: 2 },
    ]);
    const shown = informationUsed(schema, { employee: { name: 'Léa' } }, 'fr', true);
    expect(shown).toEqual([
      { path: '/employee/name', title: 'Personne embauchée — Nom', personal: true, shown: true, value: 'Léa' },
    ]);
  });

  it('marks a list personal when its items have a personal member, and withholds it whole', () => {
    const withList = {
      type: 'object',
      properties: {
        adultChildren: {
          title: 'Enfants majeurs',
          type: 'array',
          items: { type: 'object', properties: { birthDate: { type: 'string', 'x-pii': true }, student: {} } },
        },
      },
    };
    const facts = { adultChildren: [{ birthDate: '***', student: true }] };
    expect(informationUsed(withList, facts, 'fr', false)).toEqual([
      { path: '/adultChildren', title: 'Enfants majeurs', personal: true, shown: false },
    ]);
    const read = [{ birthDate: '2004-02-29', student: true }];
    expect(informationUsed(withList, { adultChildren: read }, 'fr', true)).toEqual([
      { path: '/adultChildren', title: 'Enfants majeurs', personal: true, shown: true, value: read },
    ]);
  });

  it('gives a calendar date received in words, as the person reads one, the value itself kept', () => {
    const dated = {
      type: 'object',
      properties: { hired: { title: 'Embauche', type: 'string', format: 'date' } },
    };
    expect(informationUsed(dated, { hired: '2026-03-01' }, 'fr', true)).toEqual([
      {
        path: '/hired',
        title: 'Embauche',
        personal: false,
        shown: true,
        value: '2026-03-01',
        valueText: '1er mars 2026',
      },
    ]);
    expect(dayInWords('2026-03-02', 'en')).toBe('March 2, 2026');
    // Not a calendar date: no words invented.
    expect(dayInWords('2026-02-30', 'fr')).toBeUndefined();
    expect(informationUsed(dated, { hired: 'bientôt' }, 'fr', true)[0]).not.toHaveProperty('valueText');
  });

  it('writes dates in words in Québec time, the first of the month as an ordinal in French', () => {
    const first = new Date('2026-05-01T16:05:00Z');
    expect(dateInWords(first, 'fr')).toBe('1er mai 2026 à 12\u00a0h\u00a005 (heure avancée de l’Est)');
    expect(dateInWords(first, 'en')).toBe('May 1, 2026 at 12:05 p.m. (Eastern Daylight Time)');
    // In winter the clock is standard time, and the receipt says so.
    expect(dateInWords(new Date('2026-01-15T19:05:00Z'), 'fr')).toBe(
      '15 janvier 2026 à 14\u00a0h\u00a005 (heure normale de l’Est)',
    );
    expect(outcomeInWords(['auto_approve', 'odd'], 'fr')).toBe(
      'Approuvée automatiquement\u202f; Résultat «\u00a0odd\u00a0»',
    );
    expect(outcomeInWords([], 'en')).toBe('No outcome');
  });

  it('is also plain text: every part, the withheld values said so', () => {
    const receipt = buildReceipt(
      {
        decision: {
          id: 'd-1',
          ruleset: 'enrolment',
          version: 2,
          checksum: 'abc',
          at: new Date('2026-04-02T18:05:00Z'),
          facts: { employee: { name: '***', status: 'permanent' } },
          events: [{ type: 'ineligible' }],
          explanation: {
            fr: 'Statut non admissible.',
            en: 'Status not eligible at age ***.',
            rules: [{ name: 'r', en: 'Status not eligible at age ***.' }],
          },
        },
        rulesetName: 'Adhésion',
        inputSchema: schema,
        personalValuesShown: false,
        audit: { id: 'evt-1', hash: 'h' },
      },
      'en',
    );
    // A value withheld from this reader is said so in the reasons too, never shown as the mask.
    expect(receipt.factors).toEqual([{ rule: 'r', text: 'Status not eligible at age [value not shown].' }]);
    expect(receipt.text).toBe(
      [
        'NOTICE OF AN AUTOMATED DECISION',
        '',
        'Decision: Not eligible',
        'Date of the decision: April 2, 2026 at 2:05 p.m. (Eastern Daylight Time)',
        'Reference of this notice: d-1',
        'Rule set: Adhésion (enrolment)',
        'Version: 2',
        'Checksum: abc',
        '',
        'Personal information used',
        '- Employee — Name (personal information): [value not shown]',
        '- Employee — Statut: permanent',
        '',
        'Reasons and main factors',
        'Status not eligible at age [value not shown].',
        '',
        'Your rights',
        `Having your information corrected: ${receipt.rights.correction.text}`,
        `Asking for a review of the decision: ${receipt.rights.review.text}`,
        '',
        'Audit reference of this consultation: evt-1',
        '',
      ].join('\n'),
    );
  });

  it('leads with the decision that holds once a staff member overrode it, the automated one beside it', () => {
    const source = {
      decision: {
        id: 'd-2',
        ruleset: 'enrolment',
        version: 2,
        checksum: 'abc',
        at: new Date('2026-04-02T18:05:00Z'),
        facts: {},
        events: [{ type: 'auto_approve' }],
      },
      inputSchema: schema,
      personalValuesShown: true,
      audit: { id: 'evt-2' },
    };
    const overridden = buildReceipt(
      {
        ...source,
        review: {
          outcome: 'overridden',
          decidedAt: new Date('2026-04-03T14:00:00Z'),
          reason: 'Pièce manquante',
          newDecision: { type: 'request_documents' },
        },
      },
      'fr',
    );
    expect(overridden.decision).toEqual({
      events: [{ type: 'auto_approve' }],
      outcome: 'Documents demandés',
      automatedOutcome: 'Approuvée automatiquement',
    });
    // Titled for what holds: a person's decision, no longer an automated one.
    expect(overridden.title).toBe('Avis de décision modifiée après révision');
    expect(overridden.text.split('\n')[0]).toBe('AVIS DE DÉCISION MODIFIÉE APRÈS RÉVISION');
    const lines = overridden.text.split('\n');
    expect(lines.slice(2, 4)).toEqual([
      'Décision\u00a0: Documents demandés',
      'Décision automatisée initiale\u00a0: Approuvée automatiquement',
    ]);
    expect(overridden.text).not.toMatch(/auto_approve|request_documents/);
    const confirmed = buildReceipt(
      { ...source, review: { outcome: 'confirmed', decidedAt: new Date('2026-04-03T14:00:00Z') } },
      'en',
    );
    expect(confirmed.decision).toEqual({ events: [{ type: 'auto_approve' }], outcome: 'Approved automatically' });
    expect(confirmed.title).toBe('Notice of an automated decision');
    // Approved by a person is not "automatically".
    const approvedByPerson = buildReceipt(
      {
        ...source,
        decision: { ...source.decision, events: [{ type: 'manual_review' }] },
        review: {
          outcome: 'overridden',
          decidedAt: new Date('2026-04-03T14:00:00Z'),
          newDecision: { type: 'auto_approve' },
        },
      },
      'fr',
    );
    expect(approvedByPerson.decision.outcome).toBe('Approuvée');
    // The reason withheld from a reader who may not see personal values is said so, in the text as on the sheet.
    const withheld = buildReceipt(
      {
        ...source,
        personalValuesShown: false,
        review: { outcome: 'confirmed', decidedAt: new Date('2026-04-03T14:00:00Z') },
      },
      'fr',
    );
    expect(withheld.text).toContain('Motif\u00a0: [valeur non affichée]');
    expect(confirmed.text).not.toMatch(/^Reason:/m);
    expect(approvedByPerson.review?.text).toMatch(/la décision a été remplacée\u00a0: approuvée\.$/);
  });

  it('says that a review request was received and by when it will be answered, while it is open', () => {
    const receipt = buildReceipt(
      {
        decision: {
          id: 'd-3',
          ruleset: 'enrolment',
          version: 1,
          checksum: 'abc',
          at: new Date('2026-04-02T18:05:00Z'),
          facts: {},
          events: [{ type: 'ineligible' }],
        },
        inputSchema: schema,
        personalValuesShown: false,
        audit: { id: 'evt-3' },
        pending: { submittedAt: new Date('2026-04-06T15:00:00Z'), dueAt: new Date('2026-05-06T15:00:00Z') },
      },
      'fr',
    );
    expect(receipt.pendingReview).toEqual({
      submittedAt: '2026-04-06T15:00:00.000Z',
      dueAt: '2026-05-06T15:00:00.000Z',
      text: 'Votre demande de révision, reçue le 6 avril 2026, est en cours d’examen\u00a0: une réponse vous sera donnée au plus tard le 6 mai 2026.',
    });
    expect(receipt.text).toContain('Demande de révision en cours\nVotre demande de révision, reçue le 6 avril 2026');
  });
});
