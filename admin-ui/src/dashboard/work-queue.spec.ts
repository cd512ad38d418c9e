import { describe, expect, it } from 'vitest';
import { workQueue, type Governed } from './work-queue';

const ruleset = (versions: Governed['versions']): Governed => ({ id: 'invoices', name: 'Factures', versions });

describe('work queue', () => {
  const lists = {
    rulesets: [
      ruleset([
        { number: 1, status: 'published', authors: ['seed'] },
        { number: 2, status: 'in_review', authors: ['analyst'] },
      ]),
    ],
    prompts: [
      { id: 'chatbot-answer', name: 'Réponse', versions: [{ number: 3, status: 'approved', authors: ['analyst2'] }] },
    ],
    experiments: [
      {
        id: 'brievete',
        name: 'Brièveté',
        versions: [
          {
            number: 1,
            status: 'draft',
            authors: ['analyst'],
            comments: [{ action: 'reject', by: 'approver', text: 'Poids à revoir' }],
          },
        ],
      },
    ],
  };

  it('gives an approver what to review and to publish, never their own version in review', () => {
    expect(
      workQueue(lists, { id: 'approver', roles: ['approver'] }).map(
        (i) => `${i.task} ${i.resource}/${i.id} v${i.version}`,
      ),
    ).toEqual(['to_review rulesets/invoices v2', 'to_publish prompts/chatbot-answer v3']);
    expect(workQueue(lists, { id: 'analyst', roles: ['approver', 'analyst'] }).map((i) => i.task)).toEqual([
      'to_publish',
      'rejected',
    ]);
  });

  it('gives an analyst their drafts, a rejected one with the reviewer’s reason', () => {
    expect(workQueue(lists, { id: 'analyst', roles: ['analyst'] })).toEqual([
      {
        resource: 'experiments',
        id: 'brievete',
        name: 'Brièveté',
        version: 1,
        task: 'rejected',
        comment: 'Poids à revoir',
      },
    ]);
    expect(workQueue(lists, { id: 'analyst2', roles: ['analyst'] })).toEqual([]);
  });

  it('gives a risk officer nothing to do here (the audit trail is theirs)', () => {
    expect(workQueue(lists, { id: 'risk', roles: ['risk'] })).toEqual([]);
  });

  it('puts an experiment the service stopped itself first, for analysts and approvers, with the metric', () => {
    const stopped = [
      {
        id: 'garde',
        name: 'Garde-fous',
        activeVersion: 1,
        halt: { reason: 'guardrail', metric: 'error_rate', at: '2026-04-15T10:00:00.000Z' },
        versions: [{ number: 1, status: 'published', authors: ['analyst'] }],
      },
      { id: 'fini', name: 'Arrêtée à la main', versions: [{ number: 1, status: 'published', authors: ['analyst'] }] },
    ];
    expect(workQueue(lists, { id: 'approver', roles: ['approver'] }, stopped)[0]).toEqual({
      resource: 'experiments',
      id: 'garde',
      name: 'Garde-fous',
      version: 1,
      task: 'halted',
      metric: 'error_rate',
      haltAt: '2026-04-15T10:00:00.000Z',
    });
    expect(workQueue(lists, { id: 'analyst2', roles: ['analyst'] }, stopped).map((i) => i.task)).toEqual(['halted']);
    expect(workQueue(lists, { id: 'risk', roles: ['risk'] }, stopped)).toEqual([]);
  });

  it('gives an approver a reference-table change that awaits approval, never one they proposed', () => {
    const tables = [
      { id: 'signing-limits', name: 'Seuils de signature', pending: { proposedBy: 'analyst' } },
      { id: 'suppliers', name: 'Fournisseurs' },
      { id: 'po', name: 'Bons de commande', pending: { proposedBy: 'approver' } },
    ];
    const queue = workQueue(lists, { id: 'approver', roles: ['approver'] }, [], tables);
    expect(queue.map((i) => `${i.task} ${i.resource}/${i.id}`)).toEqual([
      'to_review rulesets/invoices',
      'table_change reference-tables/signing-limits',
      'to_publish prompts/chatbot-answer',
    ]);
    expect(queue[1]).toMatchObject({ proposedBy: 'analyst', name: 'Seuils de signature' });
    expect(workQueue(lists, { id: 'analyst', roles: ['analyst'] }, [], tables).map((i) => i.task)).not.toContain(
      'table_change',
    );
  });

  it('gives no approved version to publish that was begun from another than the one in force since', () => {
    const record: Governed = {
      id: 'invoices',
      name: 'Factures',
      activeVersion: 3,
      versions: [
        { number: 2, status: 'approved', authors: ['analyst2'], basedOn: 1 },
        { number: 3, status: 'published', authors: ['analyst'], basedOn: 1 },
        { number: 4, status: 'approved', authors: ['analyst'], basedOn: 3 },
      ],
    };
    const queue = workQueue(
      { rulesets: [record], prompts: [], experiments: [] },
      { id: 'approver', roles: ['approver'] },
    );
    expect(queue.map((i) => `${i.task} v${i.version}`)).toEqual(['to_publish v4']);
  });

  it('tells the author of a table change an approver rejected, with the reason, and no one else', () => {
    const tables = [
      {
        id: 'signing-limits',
        name: 'Seuils de signature',
        lastRejected: { proposedBy: 'analyst', rejectedBy: 'approver', comment: 'Le seuil de 5 000 $ manque.' },
      },
    ];
    const mine = workQueue(lists, { id: 'analyst', roles: ['analyst'] }, [], tables);
    expect(mine.find((i) => i.resource === 'reference-tables')).toEqual({
      resource: 'reference-tables',
      id: 'signing-limits',
      name: 'Seuils de signature',
      task: 'table_rejected',
      rejectedBy: 'approver',
      comment: 'Le seuil de 5 000 $ manque.',
    });
    // After the rejected versions (before the drafts).
    expect(mine.map((i) => i.task)).toEqual(['rejected', 'table_rejected']);
    expect(workQueue(lists, { id: 'analyst2', roles: ['analyst'] }, [], tables).map((i) => i.task)).not.toContain(
      'table_rejected',
    );
    expect(workQueue(lists, { id: 'analyst', roles: ['risk'] }, [], tables)).toEqual([]);
  });
});
