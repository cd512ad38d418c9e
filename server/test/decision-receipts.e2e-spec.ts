import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { as, invoiceRuleset, signInCast } from './support/rulesets.js';
import { AuditService } from '../src/modules/audit/audit.service.js';
import { MASK } from '../src/modules/evaluation/pii.js';
import { metric } from './support/metrics.js';
import { startAnotherInstance, startTestApp, type TestApp } from './support/test-app.js';

type Case = { name: string; facts: Record<string, Record<string, unknown>>; expectedEvents: string[] };
const enrolmentCases = (): Case[] => JSON.parse(readFileSync('rulesets/enrolment/enrolment.json', 'utf8')).tests;

type Item = { path: string; title: string; personal: boolean; shown: boolean; value?: unknown };

// Law 25 (s. 65.2): the person learns what was decided, from what, why, and how to have it corrected or reviewed.
describe('decision receipts and review requests', () => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof signInCast>>;
  let enrolmentDecision: string;
  let facts: Case['facts'];

  beforeAll(async () => {
    t = await startTestApp('decision-receipts', { METRICS_PUBLIC: 'true', REVIEW_DUE_DAYS: '10' });
    cast = await signInCast(t);
    const c = enrolmentCases().find((x) => x.expectedEvents[0] === 'auto_approve')!;
    facts = c.facts;
    const response = await as(t, cast.analyst).post('/api/v1/rulesets/enrolment/evaluate', { facts });
    expect(response.status).toBe(200);
    expect(response.body.logged).toBe(true);
    enrolmentDecision = response.body.evaluationId;
  });
  afterAll(() => t.close());

  const receipt = (token: string, id: string, lang?: string) =>
    as(t, token).get(`/api/v1/decisions/${id}/receipt${lang ? `?lang=${lang}` : ''}`);

  it('is written in French by default: the decision, its date, the rule set, the information used, the reasons and the rights', async () => {
    const response = await receipt(cast.risk, enrolmentDecision);
    expect(response.status).toBe(200);
    const body = response.body;
    const record = (await as(t, cast.risk).get(`/api/v1/decisions/${enrolmentDecision}`)).body;
    expect(body).toMatchObject({
      decisionId: enrolmentDecision,
      lang: 'fr',
      decision: { events: [{ type: 'auto_approve' }], outcome: 'Approuvée automatiquement' },
      ruleset: 'enrolment',
      rulesetName: "Adhésion à l'assurance collective",
      version: 1,
      checksum: record.checksum,
      decidedAt: record.at,
      personalValuesShown: true,
    });
    expect(body.decidedAtText).toMatch(
      /^\d{1,2}(er)? \p{L}+ \d{4} à \d{1,2}\u00a0h\u00a0\d{2} \(heure (normale|avancée) de l’Est\)$/u,
    );
    const items = body.personalInformation as Item[];
    expect(items.find((i) => i.path === '/employee/birthDate')).toEqual({
      path: '/employee/birthDate',
      title: 'Personne embauchée — Date de naissance',
      personal: true,
      shown: true,
      value: facts['employee']!['birthDate'],
      valueText: '10 mai 1990', // a calendar date in words, as the person reads one
    });
    expect(items.find((i) => i.path === '/employee/name')).toMatchObject({ personal: true, shown: true });
    expect(items.find((i) => i.path === '/employee/employmentStatus')).toMatchObject({
      title: "Personne embauchée — Statut d'emploi",
      personal: false,
      value: 'permanent',
    });
    // A coded value comes in the words the input schema gives it, beside the code.
    expect(items.find((i) => i.path === '/enrolment/tier')).toMatchObject({
      value: 'individual',
      valueText: 'individuelle',
    });
    expect(body.text).toContain("Formulaire d'adhésion — Protection choisie\u00a0: individuelle\n");
    expect(body.summary).toBe(record.explanation.fr);
    expect(body.factors.length).toBeGreaterThan(0);
    expect(body.factors[0].text).toMatch(/Facteurs? principa/);
    expect(body.rights.correction.title).toBe('Faire rectifier vos renseignements');
    expect(body.rights.review.text).toContain('présenter vos observations');
    // Québec typography: a non-breaking space before the colon.
    expect(body.rights.correction.text).toContain('rectifié\u00a0:');
    expect(body.text).toContain('AVIS DE DÉCISION AUTOMATISÉE');
    expect(body.text).toContain('Décision\u00a0: Approuvée automatiquement\n');
    expect(body.text).toContain(`Date de naissance (renseignement personnel)\u00a0: 10 mai 1990`);
    expect(body.text).toContain(body.auditRef);
  });

  it('is written in English on request', async () => {
    const body = (await receipt(cast.risk, enrolmentDecision, 'en')).body;
    expect(body.lang).toBe('en');
    expect(body.decision.outcome).toBe('Approved automatically');
    expect(body.decidedAtText).toMatch(/^[A-Z][a-z]+ \d{1,2}, \d{4} at /);
    expect((body.personalInformation as Item[]).find((i) => i.path === '/employee/birthDate')!.title).toBe(
      'Employee — Date of birth',
    );
    expect(body.factors[0].text).toMatch(/Main factors?/);
    expect(body.rights.review.title).toBe('Asking for a review of the decision');
    expect(body.text).toContain('Decision: Approved automatically\n');
    expect(body.text).toContain('Date of birth (personal information): ');
    expect(body.text).toContain('Enrolment form — Chosen coverage: individual\n');
    const status = (body.personalInformation as Item[]).find((i) => i.path === '/employee/employmentStatus');
    expect(status).toMatchObject({ value: 'permanent', valueText: 'permanent' });
  });

  it('finds the decision from its id typed in capitals, as a person may read it out from a letter', async () => {
    const typed = enrolmentDecision.toUpperCase();
    expect(typed).not.toBe(enrolmentDecision);
    const shown = await receipt(cast.risk, typed);
    expect([shown.status, shown.body.decisionId]).toEqual([200, enrolmentDecision]);
    const record = await as(t, cast.risk).get(`/api/v1/decisions/${typed}`);
    expect([record.status, record.body.id]).toEqual([200, enrolmentDecision]);
    // Its review requests too, found under the id in capitals (a decision of its own: other tests count requests).
    const own = (await as(t, cast.analyst).post('/api/v1/rulesets/enrolment/evaluate', { facts })).body
      .evaluationId as string;
    const asked = await as(t, cast.analyst).post(`/api/v1/decisions/${own.toUpperCase()}/reviews`, {
      observations: 'Mon statut d’emploi a changé.',
    });
    expect([asked.status, asked.body.decisionId]).toEqual([201, own]);
    const listed = await as(t, cast.risk).get(`/api/v1/decisions/${own.toUpperCase()}/reviews`);
    expect((listed.body as { id: string }[]).map((r) => r.id)).toEqual([asked.body.id]);
  });

  it('withholds the person’s values from those who may not read personal information, as the decision read-back does', async () => {
    const body = (await receipt(cast.analyst, enrolmentDecision)).body;
    expect(body.personalValuesShown).toBe(false);
    const items = body.personalInformation as Item[];
    const birth = items.find((i) => i.path === '/employee/birthDate')!;
    expect(birth).toEqual({
      path: '/employee/birthDate',
      title: 'Personne embauchée — Date de naissance',
      personal: true,
      shown: false,
    });
    expect(items.find((i) => i.path === '/employee/employmentStatus')!.value).toBe('permanent');
    const everything = JSON.stringify(body);
    expect(everything).not.toContain(String(facts['employee']!['birthDate']));
    expect(everything).not.toContain(String(facts['employee']!['name']));
    expect(body.text).toContain('Date de naissance (renseignement personnel)\u00a0: [valeur non affichée]');
  });

  it('audits every receipt issued, naming the reader and the language but no personal value', async () => {
    const body = (await receipt(cast.approver, enrolmentDecision, 'en')).body;
    const events = (
      await as(t, cast.risk).get(`/api/v1/audit?resourceKey=${enrolmentDecision}&action=decision.receipt_issued`)
    ).body as { id: string; hash: string; actor: string; details: Record<string, unknown> }[];
    expect(events.length).toBeGreaterThanOrEqual(4);
    expect(events[0]).toMatchObject({
      id: body.auditRef,
      hash: body.auditHash,
      actor: 'approver',
      resourceType: 'decision',
      details: { ruleset: 'enrolment', lang: 'en', personalValuesShown: false },
    });
  });

  it('lets the system that told the person hand them the receipt and pass on their observations, with its own scopes', async () => {
    const admin = as(t, cast.admin);
    const keyWith = async (scopes: string[]) => {
      const created = await admin.post('/api/v1/api-keys', { name: `portail ${scopes.join(' ')}`, scopes });
      expect(created.status).toBe(201);
      return created.body as { id: string; key: string; name: string };
    };
    const portal = await keyWith([
      'evaluate:enrolment',
      'decisions:receipt:enrolment',
      'decisions:review-request:enrol*',
    ]);
    const portalWithPii = await keyWith(['decisions:receipt:enrolment', 'personal-data:enrolment']);
    const otherPilot = await keyWith(['decisions:receipt:invoices*', 'decisions:review-request:invoices*']);
    const evaluateOnly = await keyWith(['evaluate:enrolment']);
    const withKey = (key: { key: string }) => ({
      get: (path: string) => t.http.get(path).set('x-api-key', key.key),
      post: (path: string, body: object) => t.http.post(path).set('x-api-key', key.key).send(body),
    });
    const decided = await withKey(portal).post('/api/v1/rulesets/enrolment/evaluate', { facts });
    expect(decided.status).toBe(200);
    const id = decided.body.evaluationId as string;

    const handed = await withKey(portal).get(`/api/v1/decisions/${id}/receipt`);
    expect(handed.status).toBe(200);
    expect(handed.body).toMatchObject({ decisionId: id, ruleset: 'enrolment', personalValuesShown: false });
    expect(JSON.stringify(handed.body)).not.toContain(String(facts['employee']!['birthDate']));
    const shown = await withKey(portalWithPii).get(`/api/v1/decisions/${id}/receipt?lang=en`);
    expect([shown.status, shown.body.personalValuesShown]).toEqual([200, true]);
    expect(JSON.stringify(shown.body)).toContain(String(facts['employee']!['birthDate']));

    // A key for evaluating only is stopped at the door; a key for another rule set's decisions is told the decision
    // is not found, as an unknown one is (it learns neither that it exists nor which rule set made it).
    const refusedAs = async (key: { key: string }, status: number, error: string) => {
      const receipt = await withKey(key).get(`/api/v1/decisions/${id}/receipt`);
      expect([receipt.status, receipt.body.error]).toEqual([status, error]);
      const notRecorded = await withKey(key).post(`/api/v1/decisions/${id}/reviews`, { observations: 'Erreur' });
      expect([notRecorded.status, notRecorded.body.error]).toEqual([status, error]);
    };
    await refusedAs(evaluateOnly, 403, 'missing_scope');
    await refusedAs(otherPilot, 404, 'not_found');
    const unknown = await withKey(otherPilot).get(`/api/v1/decisions/${randomUUID()}/receipt`);
    expect(unknown.body.message.replace(/"[^"]+"/, '')).toBe(
      (await withKey(otherPilot).get(`/api/v1/decisions/${id}/receipt`)).body.message.replace(/"[^"]+"/, ''),
    );
    expect((await withKey(portalWithPii).post(`/api/v1/decisions/${id}/reviews`, { observations: 'x' })).status).toBe(
      403,
    );
    // A HEAD hands nothing over: the same answer but no body, and no receipt issued in the trail.
    const looked = await t.http.head(`/api/v1/decisions/${id}/receipt`).set('x-api-key', portal.key);
    expect([looked.status, looked.headers['content-type']]).toEqual([200, expect.stringContaining('application/json')]);
    // Only the receipts handed over are in the trail, by the keys that fetched them; the refusals left nothing.
    const issued = (await as(t, cast.risk).get(`/api/v1/audit?resourceKey=${id}&action=decision.receipt_issued`))
      .body as { actor: string }[];
    expect(issued.map((e) => e.actor).sort()).toEqual([`api-key:${portal.id}`, `api-key:${portalWithPii.id}`].sort());
    // Nor does any key read the decision record itself, or the requests about it: those are for staff.
    expect((await withKey(portalWithPii).get(`/api/v1/decisions/${id}`)).status).toBe(403);
    expect((await withKey(portal).get(`/api/v1/decisions/${id}/reviews`)).status).toBe(403);

    const observations = 'Ma date d’embauche est le 3 mars, pas le 3 mai.';
    const request = await withKey(portal).post(`/api/v1/decisions/${id}/reviews`, {
      observations,
      receivedVia: 'online',
    });
    expect(request.status).toBe(201);
    expect(request.body).toMatchObject({
      decisionId: id,
      status: 'open',
      receivedVia: 'online',
      submittedBy: `api-key:${portal.id}`,
      submitterName: portal.name, // a reviewer may not read the keys: the name is kept with the request
    });
    const queue = (await as(t, cast.approver).get(`/api/v1/decisions/${id}/reviews`)).body as { id: string }[];
    expect(queue.map((r) => r.id)).toEqual([request.body.id]);
  });

  it('refuses a decision of a rule set that does not decide about persons, and an unknown decision', async () => {
    const [analyst, approver] = [as(t, cast.analyst), as(t, cast.approver)];
    expect((await analyst.post('/api/v1/rulesets', invoiceRuleset('receipts-invoices', 1000))).status).toBe(201);
    await analyst.post('/api/v1/rulesets/receipts-invoices/versions/1/submit');
    await approver.post('/api/v1/rulesets/receipts-invoices/versions/1/approve');
    expect((await approver.post('/api/v1/rulesets/receipts-invoices/versions/1/publish')).status).toBe(200);
    const decided = await analyst.post('/api/v1/rulesets/receipts-invoices/evaluate', {
      facts: { invoice: { total: 5 } },
    });
    const refused = await receipt(cast.risk, decided.body.evaluationId);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      error: 'not_about_persons',
      details: [{ path: '/settings/decidesAboutPersons' }],
    });
    expect(refused.body.message).toContain('does not decide about persons');
    const blank = await analyst.post(`/api/v1/decisions/${decided.body.evaluationId}/reviews`, {
      observations: ' \n ',
    });
    expect([blank.status, blank.body.details?.[0]?.path]).toEqual([400, '/observations']);
    // Invisible characters are no observations either (zero-width space, joiner, word joiner, soft hyphen).
    const invisible = await analyst.post(`/api/v1/decisions/${decided.body.evaluationId}/reviews`, {
      observations: '\u200B\u200D \u2060\u00AD',
    });
    expect([invisible.status, invisible.body.details?.[0]?.path]).toEqual([400, '/observations']);
    const review = await analyst.post(`/api/v1/decisions/${decided.body.evaluationId}/reviews`, { observations: 'x' });
    expect(review.status).toBe(409);
    // A rule set about persons keeps its decision records: receipts and reviews read them.
    const unlogged = await analyst.post('/api/v1/rulesets', {
      ...invoiceRuleset('receipts-unlogged'),
      settings: { decidesAboutPersons: true, logDecisions: false },
    });
    expect(unlogged.status).toBe(400);
    expect(unlogged.body.details).toContainEqual({ path: '/settings/logDecisions', message: expect.any(String) });
    const missing = await receipt(cast.risk, 'no-such-decision');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toBe('not_found');
    expect((await receipt(cast.risk, enrolmentDecision, 'de')).status).toBe(400);
  });

  it('takes a review request from submission to an override kept beside the automated decision, audited, decided once', async () => {
    const [analyst, approver, risk] = [as(t, cast.analyst), as(t, cast.approver), as(t, cast.risk)];
    const before = {
      open: await metric(t, 'gabarit_review_requests_open'),
      overridden: await metric(t, 'gabarit_review_requests_closed{outcome="overridden"}'),
    };
    const submitted = await analyst.post(`/api/v1/decisions/${enrolmentDecision}/reviews`, {
      observations: 'Ma date d’embauche est erronée.',
      receivedVia: 'phone',
    });
    expect(submitted.status).toBe(201);
    const id = submitted.body.id as string;
    expect(submitted.body).toMatchObject({
      decisionId: enrolmentDecision,
      status: 'open',
      ruleset: 'enrolment',
      automatedDecision: [{ type: 'auto_approve' }],
      submittedBy: 'analyst',
      overdue: false,
      ageDays: 0,
      // A person's review (manual_review) is not a decision a reviewer makes: it is not offered.
      outcomes: ['ineligible', 'auto_approve', 'request_documents'],
    });
    const due = new Date(submitted.body.dueAt).getTime() - new Date(submitted.body.submittedAt).getTime();
    expect(due).toBe(10 * 86_400_000);
    expect(await metric(t, 'gabarit_review_requests_open')).toBe(before.open + 1);
    // Sent again, ten times at once (a retry storm): the same request, stored once.
    const retries = await Promise.all(
      Array.from({ length: 10 }, () =>
        analyst.post(`/api/v1/decisions/${enrolmentDecision}/reviews`, {
          observations: 'Ma date d’embauche est erronée.',
          receivedVia: 'phone',
        }),
      ),
    );
    expect(new Set(retries.map((r) => `${r.status} ${r.body.id}`))).toEqual(new Set([`201 ${id}`]));
    expect(await t.db.collection('review_requests').countDocuments({ decisionId: enrolmentDecision })).toBe(1);
    // The person's receipt now says the request was received, and by when it is answered.
    const whilePending = (await analyst.get(`/api/v1/decisions/${enrolmentDecision}/receipt`)).body;
    expect(whilePending.pendingReview).toMatchObject({
      submittedAt: submitted.body.submittedAt,
      dueAt: submitted.body.dueAt,
    });
    expect(whilePending.pendingReview.text).toMatch(/^Votre demande de révision, reçue le .+ au plus tard le /);

    // The queue: open requests by due date, as a simple-rest list; reviewers only.
    expect((await analyst.get('/api/v1/reviews')).status).toBe(403);
    const queue = await risk.get('/api/v1/reviews?status=open');
    expect(queue.status).toBe(200);
    expect(queue.headers['content-range']).toMatch(/^reviews 0-\d+\/\d+$/);
    expect((queue.body as { id: string }[]).map((r) => r.id)).toContain(id);
    // Each open request says what a reviewer may decide instead: the outcomes of the enrolment tree.
    expect((queue.body as { id: string; outcomes?: string[] }[]).find((r) => r.id === id)?.outcomes).toEqual([
      'ineligible',
      'auto_approve',
      'request_documents',
    ]);
    const viaFilter = await risk.get(`/api/v1/reviews?filter=${encodeURIComponent('{"status":"closed"}')}`);
    expect((viaFilter.body as { id: string }[]).map((r) => r.id)).not.toContain(id);
    // Given both ways, the parameter's value is used, as the document says.
    const both = await risk.get(`/api/v1/reviews?status=open&filter=${encodeURIComponent('{"status":"closed"}')}`);
    expect((both.body as { id: string }[]).map((r) => r.id)).toContain(id);
    // By rule set: a reviewer of enrolment decisions sees theirs, not the invoices'.
    const ids = async (query: string) =>
      ((await risk.get(`/api/v1/reviews?${query}`)).body as { id: string }[]).map((r) => r.id);
    expect(await ids('ruleset=enrolment&status=open')).toContain(id);
    expect(await ids(`filter=${encodeURIComponent('{"ruleset":"enrolment","status":"open"}')}`)).toContain(id);
    expect(await ids('ruleset=invoices')).not.toContain(id);
    const badKey = await risk.get('/api/v1/reviews?ruleset=Enrolment!');
    expect([badKey.status, badKey.body.details?.[0]?.path]).toEqual([400, '/ruleset']);

    // An analyst may not decide; an override must name the new decision.
    expect((await analyst.post(`/api/v1/reviews/${id}/decide`, { outcome: 'confirmed', reason: 'r' })).status).toBe(
      403,
    );
    // The person is told the reason: spaces are no reason, and the review stays open.
    const blank = await approver.post(`/api/v1/reviews/${id}/decide`, { outcome: 'confirmed', reason: '   ' });
    expect([blank.status, blank.body.details?.[0]?.path]).toEqual([400, '/reason']);
    const invisible = await approver.post(`/api/v1/reviews/${id}/decide`, { outcome: 'confirmed', reason: '\u200B' });
    expect([invisible.status, invisible.body.details?.[0]?.path]).toEqual([400, '/reason']);
    const incomplete = await approver.post(`/api/v1/reviews/${id}/decide`, { outcome: 'overridden', reason: 'r' });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.details).toEqual([
      expect.objectContaining({ path: '/newDecision', message: 'is required' }),
    ]);
    const confirmedWithNew = await approver.post(`/api/v1/reviews/${id}/decide`, {
      outcome: 'confirmed',
      reason: 'r',
      newDecision: { type: 'ineligible' },
    });
    expect(confirmedWithNew.status).toBe(400);
    expect(confirmedWithNew.body.details).toEqual([
      expect.objectContaining({ path: '/newDecision', message: 'must be absent when outcome is "confirmed"' }),
    ]);

    const unstorable = await approver.post(`/api/v1/reviews/${id}/decide`, {
      outcome: 'overridden',
      reason: 'r',
      newDecision: { type: 'request_documents', params: { $where: '1' } },
    });
    expect(unstorable.status).toBe(400); // it was a 500, the review left open
    expect(unstorable.body.details).toEqual([
      expect.objectContaining({ path: '/newDecision/params/$where', message: expect.stringMatching(/cannot store/) }),
    ]);

    // An override decides an outcome the enrolment tree gives: not a typo, not the invoices' `reject`, and not
    // « sent to a staff member for review », which the reviewer is.
    for (const type of ['manual_reveiw', 'reject', 'manual_review']) {
      const foreign = await approver.post(`/api/v1/reviews/${id}/decide`, {
        outcome: 'overridden',
        reason: 'r',
        newDecision: { type },
      });
      expect(foreign.status).toBe(400);
      expect(foreign.body.details).toEqual([
        {
          path: '/newDecision/type',
          message: 'must be one of: ineligible, auto_approve, request_documents',
        },
      ]);
    }

    // « Overriding » with the automated outcome itself changes nothing, with or without its own parameters:
    // that is a confirmation.
    for (const newDecision of [
      { type: 'auto_approve' },
      { type: 'auto_approve', params: {} },
      { type: 'auto_approve', params: { automated: true } },
    ]) {
      const same = await approver.post(`/api/v1/reviews/${id}/decide`, {
        outcome: 'overridden',
        reason: 'r',
        newDecision,
      });
      expect([same.status, same.body.details]).toEqual([
        400,
        [
          {
            path: '/newDecision',
            message: 'is the automated decision itself: confirm it instead',
            keyword: 'sameAsAutomated',
          },
        ],
      ]);
    }

    const decided = await approver.post(`/api/v1/reviews/${id}/decide`, {
      outcome: 'overridden',
      reason: 'La date d’embauche corrigée reporte le début de la couverture.',
      newDecision: { type: 'request_documents' },
    });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({
      id,
      status: 'closed',
      outcome: 'overridden',
      newDecision: { type: 'request_documents' },
      automatedDecision: [{ type: 'auto_approve' }],
      decidedBy: 'approver',
    });
    // Closing twice does not happen.
    const again = await risk.post(`/api/v1/reviews/${id}/decide`, { outcome: 'confirmed', reason: 'non' });
    expect(again.status).toBe(409);
    expect(again.body.error).toBe('review_closed');
    expect((await risk.get(`/api/v1/reviews/${id}`)).body).toMatchObject({
      outcome: 'overridden',
      decidedBy: 'approver',
    });

    // The automated decision is still the record; the override sits beside it.
    const record = await risk.get(`/api/v1/decisions/${enrolmentDecision}`);
    expect(record.body.events).toEqual([{ type: 'auto_approve', params: { automated: true } }]);
    // Found from the decision, and told to the person: the receipt says what holds now.
    const ofDecision = await risk.get(`/api/v1/decisions/${enrolmentDecision}/reviews`);
    expect((ofDecision.body as { id: string; outcome?: string }[]).find((r) => r.id === id)).toMatchObject({
      outcome: 'overridden',
    });
    const receiptNow = (await risk.get(`/api/v1/decisions/${enrolmentDecision}/receipt`)).body;
    expect(receiptNow.title).toBe('Avis de décision modifiée après révision');
    expect(receiptNow.review).toMatchObject({
      outcome: 'overridden',
      text: expect.stringMatching(/^Le .+, la décision a été remplacée\u00a0: documents demandés\.$/),
      reason: 'La date d’embauche corrigée reporte le début de la couverture.',
    });
    expect(receiptNow.text).toContain('Révision par un membre du personnel\n');
    expect(receiptNow).not.toHaveProperty('pendingReview'); // decided: no longer under way
    // It leads with the decision that holds, the automated one beside it.
    expect(receiptNow.decision).toMatchObject({
      outcome: 'Documents demandés',
      automatedOutcome: 'Approuvée automatiquement',
    });
    expect(receiptNow.text).toContain(
      'Décision\u00a0: Documents demandés\nDécision automatisée initiale\u00a0: Approuvée automatiquement\n',
    );
    const inEnglish = (await risk.get(`/api/v1/decisions/${enrolmentDecision}/receipt?lang=en`)).body;
    expect(inEnglish.review.text).toMatch(/^On .+, the decision was replaced: documents requested/);
    expect(inEnglish.title).toBe('Notice of a decision changed after review');
    const twice = await risk.get(`/api/v1/decisions/${enrolmentDecision}/receipt?lang=en&lang=fr`);
    expect([twice.status, twice.body.details]).toEqual([
      400,
      [{ path: '/lang', message: 'is given 2 times; give it once' }],
    ]);
    // The same on lists, for their own filters as for sort, range and filter.
    for (const url of [
      '/api/v1/reviews?status=open&status=closed',
      '/api/v1/audit?actor=admin&actor=seed',
      `/api/v1/rulesets?sort=${encodeURIComponent('["key","ASC"]')}&sort=${encodeURIComponent('["key","ASC"]')}`,
    ]) {
      const listed = await risk.get(url);
      expect([url, listed.status, listed.body.details?.length, listed.body.details?.[0]?.message]).toEqual([
        url,
        400,
        1,
        'is given 2 times; give it once',
      ]);
    }
    // The reviewer's words may repeat what a reader without the grant does not see: not on their receipt.
    const forAnalyst = (await analyst.get(`/api/v1/decisions/${enrolmentDecision}/receipt`)).body;
    expect(forAnalyst.review).toMatchObject({ outcome: 'overridden' });
    expect(forAnalyst.review).not.toHaveProperty('reason');

    const trail = (await risk.get(`/api/v1/audit?resourceKey=${id}&sort=${encodeURIComponent('["seq","ASC"]')}`))
      .body as {
      action: string;
      actor: string;
      reason?: string;
      summary?: unknown;
      details: Record<string, unknown>;
    }[];
    expect(trail.map((e) => [e.action, e.actor])).toEqual([
      ['review.submitted', 'analyst'],
      ['review.decided', 'approver'],
    ]);
    expect(JSON.stringify(trail[0])).not.toContain('erronée');
    expect(trail[1]).toMatchObject({
      reason: 'La date d’embauche corrigée reporte le début de la couverture.',
      summary: { before: { events: [{ type: 'auto_approve' }] }, after: { events: [{ type: 'request_documents' }] } },
      details: { decisionId: enrolmentDecision, outcome: 'overridden' },
    });

    expect(await metric(t, 'gabarit_review_requests_open')).toBe(before.open);
    expect(await metric(t, 'gabarit_review_requests_closed{outcome="overridden"}')).toBe(before.overridden + 1);
    const closed = await risk.get('/api/v1/reviews?status=closed');
    expect((closed.body as { id: string }[]).map((r) => r.id)).toContain(id);
    // The same words once the first request was decided: a new request, not the closed one again.
    const anew = await analyst.post(`/api/v1/decisions/${enrolmentDecision}/reviews`, {
      observations: 'Ma date d’embauche est erronée.',
      receivedVia: 'phone',
    });
    expect([anew.status, anew.body.status]).toEqual([201, 'open']);
    expect(anew.body.id).not.toBe(id);
    // Retried five times at once, that new request stands once too, with one audit event.
    const retriedAnew = await Promise.all(
      Array.from({ length: 5 }, () =>
        analyst.post(`/api/v1/decisions/${enrolmentDecision}/reviews`, {
          observations: 'Ma date d’embauche est erronée.',
          receivedVia: 'phone',
        }),
      ),
    );
    expect(new Set(retriedAnew.map((r) => r.body.id))).toEqual(new Set([anew.body.id]));
    expect(
      await t.db.collection('audit_events').countDocuments({ action: 'review.submitted', resourceKey: anew.body.id }),
    ).toBe(1);
  });

  it('decides a case the rules sent to a person, and refuses to confirm « sent to a staff member », which decides nothing', async () => {
    const c = enrolmentCases().find((x) => x.expectedEvents[0] === 'manual_review')!;
    const decided = await as(t, cast.analyst).post('/api/v1/rulesets/enrolment/evaluate', { facts: c.facts });
    const submitted = await as(t, cast.analyst).post(`/api/v1/decisions/${decided.body.evaluationId}/reviews`, {
      observations: 'Je voudrais une décision.',
      receivedVia: 'phone',
    });
    const id = submitted.body.id as string;
    const approver = as(t, cast.approver);
    const confirmed = await approver.post(`/api/v1/reviews/${id}/decide`, { outcome: 'confirmed', reason: 'Vu.' });
    expect([confirmed.status, confirmed.body.details]).toEqual([
      400,
      [
        {
          path: '/outcome',
          message: 'cannot confirm "manual_review", which decides nothing: override it with the decision made',
          keyword: 'nothingToConfirm',
        },
      ],
    ]);
    const made = await approver.post(`/api/v1/reviews/${id}/decide`, {
      outcome: 'overridden',
      reason: 'Âge vérifié : 64 ans à l’embauche.',
      newDecision: { type: 'auto_approve' },
    });
    expect(made.status).toBe(200);
    expect((await receipt(cast.analyst, decided.body.evaluationId)).body.decision.outcome).not.toMatch(/examen/);
  });

  it('counts overdue requests and shows their age; two reviewers deciding at once leave one decision', async () => {
    const [analyst, approver, risk] = [as(t, cast.analyst), as(t, cast.approver), as(t, cast.risk)];
    const id = (await analyst.post(`/api/v1/decisions/${enrolmentDecision}/reviews`, { observations: 'En retard' }))
      .body.id as string;
    const overdueBefore = await metric(t, 'gabarit_review_requests_overdue');
    // Submitted twelve days ago, due two days ago: written in the database, as twelve days would leave it, and read
    // by an instance started since (the running one keeps the queue's dates in memory: nothing changes them).
    await t.db
      .db!.collection('review_requests')
      .updateOne(
        { _id: id as never },
        { $set: { submittedAt: new Date(Date.now() - 12 * 86_400_000), dueAt: new Date(Date.now() - 2 * 86_400_000) } },
      );
    const later = await startAnotherInstance(t, { METRICS_PUBLIC: 'true' });
    try {
      expect(await metric(later, 'gabarit_review_requests_overdue')).toBe(overdueBefore + 1);
      const queue = (await as(later, cast.risk).get('/api/v1/reviews?status=open')).body as {
        id: string;
        overdue: boolean;
        ageDays: number;
      }[];
      expect(queue[0]).toMatchObject({ id, overdue: true, ageDays: 12 });

      const answers = await Promise.all([
        approver.post(`/api/v1/reviews/${id}/decide`, { outcome: 'confirmed', reason: 'La décision tient.' }),
        risk.post(`/api/v1/reviews/${id}/decide`, {
          outcome: 'overridden',
          reason: 'Autre avis.',
          newDecision: { type: 'ineligible' },
        }),
      ]);
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
      const winner = answers.find((a) => a.status === 200)!.body;
      expect((await risk.get(`/api/v1/reviews/${id}`)).body).toMatchObject({
        status: 'closed',
        outcome: winner.outcome,
      });
      const decided = (await risk.get(`/api/v1/audit?resourceKey=${id}&action=review.decided`)).body as unknown[];
      expect(decided).toHaveLength(1);
      // The other instance learns the decision from the audit trail: the request is no longer counted overdue.
      expect(await metric(later, 'gabarit_review_requests_overdue')).toBe(overdueBefore);
      expect(await metric(later, 'gabarit_review_requests_open')).toBe(await metric(t, 'gabarit_review_requests_open'));
    } finally {
      await later.close();
    }
  });

  it('finds the requests about a decision from their list under it, which lists those stored before it at the next start', async () => {
    const analyst = as(t, cast.analyst);
    const decide = async () =>
      (await analyst.post('/api/v1/rulesets/enrolment/evaluate', { facts })).body.evaluationId as string;
    const [decision, earlier] = [await decide(), await decide()];
    const ids: string[] = [];
    for (const observations of ['Mon nom est mal écrit.', 'Mon adresse a changé.'])
      ids.push((await analyst.post(`/api/v1/decisions/${decision}/reviews`, { observations })).body.id);
    const entries = t.db.db!.collection('review_requests_by_decision');
    expect(
      await entries.find({ _id: { $in: [`${decision}#1`, `${decision}#2`, `${decision}#3`] } } as never).toArray(),
    ).toEqual([
      { _id: `${decision}#1`, request: ids[0] },
      { _id: `${decision}#2`, request: ids[1] },
    ]);
    const listed = await as(t, cast.risk).get(`/api/v1/decisions/${decision}/reviews`);
    expect((listed.body as { id: string }[]).map((r) => r.id)).toEqual(ids);

    // What the next start finishes: a request stored by an earlier version (which may still be running: the list
    // is already complete), a request whose audit event a stopped process left in its outbox, and a decision
    // recorded but neither audited nor copied into its request.
    const requests = t.db.db!.collection('review_requests');
    const stored = (await requests.findOne({ _id: ids[0] } as never))!;
    const { listed: _listed, ...earlierFields } = stored;
    const unlisted = randomUUID();
    await requests.insertOne({ ...earlierFields, _id: unlisted, decisionId: earlier } as never);
    const unaudited = randomUUID();
    const submittedAt = new Date();
    await requests.insertOne({
      ...stored,
      _id: unaudited,
      submittedAt,
      outbox: [
        {
          id: `${unaudited}:submitted`,
          at: submittedAt.toISOString(),
          entry: {
            actor: 'analyst',
            action: 'review.submitted',
            resourceType: 'review',
            resourceKey: unaudited,
            details: { decisionId: decision, ruleset: 'enrolment', version: stored['version'] },
          },
        },
      ],
    } as never);
    const decidedAt = new Date();
    await t.db.db!.collection('review_decisions').insertOne({
      _id: ids[1],
      decisionId: decision,
      outcome: 'confirmed',
      reason: 'Confirmée avant l’arrêt.',
      decidedBy: 'approver',
      decidedAt,
      outbox: [
        {
          id: `${ids[1]}:decided`,
          at: decidedAt.toISOString(),
          entry: {
            actor: 'approver',
            action: 'review.decided',
            resourceType: 'review',
            resourceKey: ids[1],
            reason: 'Confirmée avant l’arrêt.',
            details: { decisionId: decision, ruleset: 'enrolment', outcome: 'confirmed' },
          },
        },
      ],
    } as never);
    const audited = (key: string, action: string) =>
      t.db.collection('audit_events').countDocuments({ resourceKey: key, action });
    const next = await startAnotherInstance(t);
    try {
      const finished = async () =>
        (await requests.findOne({ _id: unlisted } as never))?.['listed'] === true &&
        (await audited(unaudited, 'review.submitted')) === 1 &&
        (await requests.findOne({ _id: ids[1] } as never))?.['status'] === 'closed';
      for (let i = 0; i < 100 && !(await finished()); i++) await sleep(50);
      expect(await entries.findOne({ _id: `${earlier}#1` } as never)).toEqual({
        _id: `${earlier}#1`,
        request: unlisted,
      });
      const found = await as(next, await next.login('risk')).get(`/api/v1/decisions/${earlier}/reviews`);
      expect((found.body as { id: string }[]).map((r) => r.id)).toEqual([unlisted]);
      // Listing again changed nothing for the requests already listed.
      expect(await entries.countDocuments({ request: { $in: ids } } as never)).toBe(2);
      // The events recorded at start reach the running instance's queue through the trail.
      expect([await audited(unaudited, 'review.submitted'), await audited(ids[1]!, 'review.decided')]).toEqual([1, 1]);
      const queue = (await as(t, cast.risk).get('/api/v1/reviews?range=[0,999]')).body as {
        id: string;
        status: string;
      }[];
      expect(queue.find((r) => r.id === unaudited)?.status).toBe('open');
      expect(queue.find((r) => r.id === ids[1])?.status).toBe('closed');
      expect((await requests.findOne({ _id: unaudited } as never))?.['outbox']).toEqual([]);
      expect((await t.db.db!.collection('review_decisions').findOne({ _id: ids[1] } as never))?.['outbox']).toEqual([]);
    } finally {
      await next.close();
    }
  });

  it('takes a request and a reviewer’s decision when their audit writes fail, and records the events shortly after', async () => {
    const [analyst, approver] = [as(t, cast.analyst), as(t, cast.approver)];
    const decision = (await analyst.post('/api/v1/rulesets/enrolment/evaluate', { facts })).body.evaluationId as string;
    const audit = t.app.get(AuditService);
    const recordOnce = audit.recordOnce.bind(audit);
    audit.recordOnce = () => Promise.reject(new Error('audit store away'));
    let submitted;
    let decided;
    try {
      submitted = await analyst.post(`/api/v1/decisions/${decision}/reviews`, { observations: 'Trace différée.' });
      decided = await approver.post(`/api/v1/reviews/${submitted.body.id}/decide`, {
        outcome: 'confirmed',
        reason: 'Confirmée sans trace immédiate.',
      });
    } finally {
      audit.recordOnce = recordOnce;
    }
    expect([submitted.status, decided.status, decided.body.status]).toEqual([201, 200, 'closed']);
    const id = submitted.body.id as string;
    const recorded = async () =>
      (await t.db.collection('audit_events').countDocuments({ resourceKey: id, action: 'review.submitted' })) +
      (await t.db.collection('audit_events').countDocuments({ resourceKey: id, action: 'review.decided' }));
    for (let i = 0; i < 60 && (await recorded()) < 2; i++) await sleep(100);
    expect(await recorded()).toBe(2);
    expect((await t.db.db!.collection('review_decisions').findOne({ _id: id } as never))?.['outbox']).toEqual([]);
  });
  it('lets a system read back its rule sets’ decision records with decisions:read, personal fields masked without personal-data', async () => {
    const admin = as(t, cast.admin);
    const keyWith = async (scopes: string[]) =>
      (
        (await admin.post('/api/v1/api-keys', { name: `relecture ${scopes.join(' ')}`, scopes })).body as {
          key: string;
        }
      ).key;
    const reader = await keyWith(['decisions:read:enrol*']);
    const readerWithPii = await keyWith(['decisions:read:enrolment', 'personal-data:enrolment']);
    const otherPilot = await keyWith(['decisions:read:invoices']);
    const evaluateOnly = await keyWith(['evaluate:enrolment']);
    const read = (key: string) => t.http.get(`/api/v1/decisions/${enrolmentDecision}`).set('x-api-key', key);
    // After `logged: false`, the way to learn whether the record landed: a key could not read one before.
    const masked = await read(reader);
    expect([masked.status, masked.body.id, masked.body.ruleset]).toEqual([200, enrolmentDecision, 'enrolment']);
    expect(JSON.stringify(masked.body.facts)).toContain(JSON.stringify(MASK));
    const whole = await read(readerWithPii);
    expect([whole.status, whole.body.facts]).toEqual([200, facts]);
    // Another rule set's decision is « not found » to it; a key without the scope is refused before any read.
    expect([(await read(otherPilot)).status, (await read(otherPilot)).body.error]).toEqual([404, 'not_found']);
    expect([(await read(evaluateOnly)).status, (await read(evaluateOnly)).body.error]).toEqual([403, 'missing_scope']);
  });
});
