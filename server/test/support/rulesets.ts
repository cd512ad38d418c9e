import type { TestApp } from './test-app.js';

/** A small valid `rules` rule set: a high amount goes to review. */
export function invoiceRuleset(key: string, threshold = 10000) {
  return {
    key,
    name: 'Factures — seuil',
    pilot: 'invoices',
    format: 'rules',
    description: 'Montants élevés en révision',
    inputSchema: {
      type: 'object',
      properties: { invoice: { type: 'object', properties: { total: { type: 'number' } } } },
    },
    definition: {
      rules: [
        {
          name: 'montant-eleve',
          conditions: { all: [{ fact: 'invoice', path: '$.total', operator: 'greaterThan', value: threshold }] },
          event: { type: 'manual_review' },
          explanation: {
            fr: 'Montant {{invoice.total}} $ supérieur au seuil',
            en: 'Amount {{invoice.total}} $ above the threshold',
          },
        },
      ],
    },
  };
}

export function thresholdDefinition(threshold: number) {
  return invoiceRuleset('x', threshold).definition;
}

/** Two outcomes: up to `threshold` an invoice is approved automatically, above it reviewed (to compare versions). */
export function approvalDefinition(threshold: number) {
  return {
    rules: [
      {
        name: 'petit-montant',
        conditions: { all: [{ fact: 'invoice', path: '$.total', operator: 'lessThanInclusive', value: threshold }] },
        event: { type: 'auto_approve' },
      },
      {
        name: 'montant-eleve',
        conditions: { all: [{ fact: 'invoice', path: '$.total', operator: 'greaterThan', value: threshold }] },
        event: { type: 'manual_review' },
      },
    ],
  };
}

/** A rule set on `approvalDefinition`, whose invoices carry the payer's name, a personal field. */
export function approvalRuleset(key: string, name: string, threshold: number) {
  return {
    key,
    name,
    pilot: 'invoices',
    format: 'rules',
    inputSchema: {
      type: 'object',
      required: ['invoice'],
      properties: {
        invoice: {
          type: 'object',
          required: ['total'],
          properties: { total: { type: 'number' }, payer: { type: 'string', 'x-pii': true } },
        },
      },
    },
    definition: approvalDefinition(threshold),
  };
}

/** Signs in the usual cast once per test file. */
export async function signInCast(t: TestApp) {
  const [analyst, analyst2, approver, risk, admin] = await Promise.all(
    ['analyst', 'analyst2', 'approver', 'risk', 'admin'].map((u) => t.login(u)),
  );
  return { analyst: analyst!, analyst2: analyst2!, approver: approver!, risk: risk!, admin: admin! };
}

/** A caller bound to one token. */
export function as(t: TestApp, token: string) {
  const auth = (r: ReturnType<TestApp['http']['get']>) => r.set('authorization', `Bearer ${token}`);
  return {
    get: (path: string) => auth(t.http.get(path)),
    delete: (path: string) => auth(t.http.delete(path)),
    post: (path: string, body: object = {}) => auth(t.http.post(path)).send(body),
    put: (path: string, body: object, ifMatch?: string) => {
      const request = auth(t.http.put(path));
      return (ifMatch ? request.set('if-match', ifMatch) : request).send(body);
    },
  };
}

/** Creates a rule set and takes its first version through submission, approval and publication. */
export async function publishNewRuleset(t: TestApp, cast: Awaited<ReturnType<typeof signInCast>>, body: object) {
  const [analyst, approver] = [as(t, cast.analyst), as(t, cast.approver)];
  const created = await analyst.post('/api/v1/rulesets', body);
  if (created.status !== 201) throw new Error(`create: ${created.status} ${JSON.stringify(created.body)}`);
  const key = created.body.key as string;
  for (const [who, step] of [
    [analyst, 'submit'],
    [approver, 'approve'],
    [approver, 'publish'],
  ] as const) {
    const answer = await who.post(`/api/v1/rulesets/${key}/versions/1/${step}`);
    if (answer.status !== 200) throw new Error(`${step}: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
}
