import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, fakeApi, renderConsole } from '../common/testing/fake-api';
import { ReceiptView, type Receipt } from './ReceiptPage';

const receipt = (lang: 'fr' | 'en', shown: boolean): Receipt => ({
  decisionId: 'd-1',
  lang,
  title: lang === 'fr' ? 'Avis de décision automatisée' : 'Notice of an automated decision',
  decision: {
    events: [{ type: 'auto_approve' }],
    outcome: lang === 'fr' ? 'Approuvée automatiquement' : 'Approved automatically',
  },
  ruleset: 'enrolment',
  rulesetName: "Adhésion à l'assurance collective",
  version: 1,
  checksum: 'abc123',
  decidedAt: '2026-04-02T18:05:00.000Z',
  decidedAtText:
    lang === 'fr'
      ? '2 avril 2026 à 14 h 05 (heure avancée de l’Est)'
      : 'April 2, 2026 at 2:05 p.m. (Eastern Daylight Time)',
  personalInformation: [
    {
      path: '/employee/birthDate',
      title: lang === 'fr' ? 'Personne embauchée — Date de naissance' : 'Employee — Date of birth',
      personal: true,
      shown,
      ...(shown && { value: '1990-05-10' }),
    },
    { path: '/employee/employmentStatus', title: 'Statut', personal: false, shown: true, value: 'permanent' },
    {
      path: '/enrolment/tier',
      title: 'Protection',
      personal: false,
      shown: true,
      value: 'single_parent',
      valueText: lang === 'fr' ? 'monoparentale' : 'single-parent',
    },
  ],
  personalValuesShown: shown,
  summary: lang === 'fr' ? 'Adhésion approuvée automatiquement.' : 'Enrolment approved automatically.',
  factors: [{ text: 'Facteurs principaux' }],
  rights: {
    correction: { title: lang === 'fr' ? 'Faire rectifier' : 'Correction', text: 'c' },
    review: { title: lang === 'fr' ? 'Demander la révision' : 'Review', text: 'r' },
  },
  auditRef: 'audit-1',
  text: '',
});

describe('ReceiptView', () => {
  it('shows the receipt in French, switches to English, and shows personal values to those who may see them', async () => {
    const api = fakeApi({
      'GET /api/v1/decisions/d-1/receipt?lang=fr': { body: receipt('fr', true) },
      'GET /api/v1/decisions/d-1/receipt?lang=en': { body: receipt('en', true) },
    });
    renderConsole(<ReceiptView id="d-1" />, ['risk']);
    expect(await screen.findByRole('heading', { name: 'Avis de décision automatisée' })).toBeTruthy();
    expect(screen.getByText('Approuvée automatiquement')).toBeTruthy();
    // The reference the rights ask the person to quote is the decision's, which staff open it by.
    const reference = screen.getByTestId('receipt-reference');
    expect([reference.previousElementSibling?.textContent, reference.textContent]).toEqual([
      'Référence de cet avis',
      'd-1',
    ]);
    expect(screen.getByText('1990-05-10')).toBeTruthy();
    // A coded value in the words the schema gives it, not its code.
    expect(screen.getByText('monoparentale')).toBeTruthy();
    expect(screen.queryByText('single_parent')).toBeNull();
    expect(screen.getByText('Renseignements utilisés')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByRole('heading', { name: 'Notice of an automated decision' })).toBeTruthy();
    expect(screen.getByText('Information used')).toBeTruthy();
    expect(screen.getByText('April 2, 2026 at 2:05 p.m. (Eastern Daylight Time)')).toBeTruthy();
    expect(api.calls.map((c) => c.url)).toEqual([
      '/api/v1/decisions/d-1/receipt?lang=fr',
      '/api/v1/decisions/d-1/receipt?lang=en',
    ]);
  });

  it('says what a staff member’s review made of the decision, before the rights', async () => {
    fakeApi({
      'GET /api/v1/decisions/d-1/receipt?lang=fr': {
        body: {
          ...receipt('fr', true),
          decision: {
            events: [{ type: 'auto_approve' }],
            outcome: 'Transmise à un membre du personnel pour examen',
            automatedOutcome: 'Approuvée automatiquement',
          },
          review: {
            outcome: 'overridden',
            decidedAt: '2026-04-09T14:00:00.000Z',
            text: 'Le 9 avril 2026 à 10 h 00, la décision a été remplacée : Transmise à un membre du personnel pour examen.',
            reason: 'Date d’embauche corrigée.',
          },
        },
      },
    });
    renderConsole(<ReceiptView id="d-1" />, ['risk']);
    const review = await screen.findByTestId('receipt-review');
    expect(within(review).getByRole('heading', { name: 'Révision par un membre du personnel' })).toBeTruthy();
    expect(review.textContent).toContain('la décision a été remplacée');
    expect(review.textContent).toMatch(/Motif\u00a0: Date d’embauche corrigée\./);
    // The sheet leads with the decision that holds, the automated one beside it, in words, never as codes.
    const sheet = screen.getByRole('article');
    expect(within(sheet).getByText('Transmise à un membre du personnel pour examen').tagName).toBe('STRONG');
    expect(within(sheet).getByText('Décision automatisée initiale')).toBeTruthy();
    expect(within(sheet).getByText('Approuvée automatiquement')).toBeTruthy();
    expect(sheet.textContent).not.toContain('auto_approve');
  });

  it('says the review’s reason is withheld from a reader who may not see personal values', async () => {
    fakeApi({
      'GET /api/v1/decisions/d-1/receipt?lang=fr': {
        body: {
          ...receipt('fr', false),
          review: {
            outcome: 'confirmed',
            decidedAt: '2026-04-09T14:00:00.000Z',
            text: 'Le 9 avril 2026 à 10 h 00, la décision a été confirmée.',
          },
        },
      },
    });
    renderConsole(<ReceiptView id="d-1" />, ['analyst']);
    const review = await screen.findByTestId('receipt-review');
    expect(review.textContent).toMatch(/Motif\u00a0: non affiché \(accès restreint\)/);
  });

  it('says a review request was received and by when it is answered, while it is open', async () => {
    fakeApi({
      'GET /api/v1/decisions/d-1/receipt?lang=fr': {
        body: {
          ...receipt('fr', true),
          pendingReview: {
            submittedAt: '2026-04-06T15:00:00.000Z',
            dueAt: '2026-05-06T15:00:00.000Z',
            text: 'Votre demande de révision, reçue le 6 avril 2026, est en cours d’examen : une réponse vous sera donnée au plus tard le 6 mai 2026.',
          },
        },
      },
    });
    renderConsole(<ReceiptView id="d-1" />, ['analyst']);
    const pending = await screen.findByTestId('receipt-pending-review');
    expect(within(pending).getByRole('heading', { name: 'Demande de révision en cours' })).toBeTruthy();
    expect(pending.textContent).toContain('au plus tard le 6 mai 2026');
    // Recording more observations makes another request: the form says so before it is sent.
    expect(screen.getByText(/^Une demande de révision est déjà en cours pour cette décision\./)).toBeTruthy();
  });

  it('says a value is withheld, and records the person’s observations as a review request', async () => {
    const api = fakeApi({
      'GET /api/v1/decisions/d-1/receipt?lang=fr': { body: receipt('fr', false) },
      'POST /api/v1/decisions/d-1/reviews': {
        status: 201,
        body: { id: 'r-1', decisionId: 'd-1', status: 'open', dueAt: '2026-05-02T18:05:00.000Z' },
      },
    });
    renderConsole(<ReceiptView id="d-1" />, ['analyst']);
    const row = (await screen.findByText('Personne embauchée — Date de naissance')).closest('tr')!;
    expect(within(row).getByText('Valeur non affichée (accès restreint)')).toBeTruthy();
    expect(screen.queryByText('1990-05-10')).toBeNull();
    fireEvent.change(screen.getByLabelText('Observations de la personne'), {
      target: { value: 'Ma date est erronée.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la demande de révision' }));
    expect(screen.queryByText(/^Une demande de révision est déjà en cours/)).toBeNull(); // none was under way
    expect((await screen.findByRole('status')).textContent).toMatch(/^Demande de révision enregistrée/);
    expect(screen.getByText(/^Une demande de révision est déjà en cours/)).toBeTruthy(); // the one just recorded
    expect(api.to('POST', '/api/v1/decisions/d-1/reviews')[0]!.body).toEqual({ observations: 'Ma date est erronée.' });
    // The receipt is read again, so that one printed now says the request is under way.
    await waitFor(() => expect(api.to('GET', '/api/v1/decisions/d-1/receipt?lang=fr')).toHaveLength(2));
  });

  it('says an unknown reference may be mistyped or past its retention, beside « not found »', async () => {
    fakeApi({
      'GET /api/v1/decisions/d-9/receipt?lang=fr': apiError(404, 'not_found', 'No decision with id "d-9".'),
    });
    renderConsole(<ReceiptView id="d-9" />, ['risk']);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/Vérifiez la référence de la décision/);
    expect(alert.textContent).toMatch(/durée de conservation/);
  });

  it('shows the record of a decision about no person, which has no receipt: outcome, explanation, facts, conditions', async () => {
    const api = fakeApi({
      'GET /api/v1/decisions/d-2/receipt?lang=fr': apiError(
        409,
        'not_about_persons',
        'The rule set that made the decision does not decide about persons.',
      ),
      // The deciding version's words for its facts.
      'GET /api/v1/rulesets/invoices/versions/3': {
        body: {
          number: 3,
          content: {
            inputSchema: {
              type: 'object',
              properties: {
                invoice: {
                  title: 'Facture',
                  'x-title-en': 'Invoice',
                  type: 'object',
                  properties: { total: { title: 'Total avec taxes', type: 'number' } },
                },
              },
            },
          },
        },
      },
      'GET /api/v1/decisions/d-2': {
        body: {
          id: 'd-2',
          ruleset: 'invoices',
          version: 3,
          checksum: 'c'.repeat(64),
          at: '2026-04-02T18:05:00.000Z',
          actor: 'api-key:erp',
          facts: { invoice: { total: 114.98 }, supplier: '***' },
          events: [{ type: 'auto_approve', params: { dueBy: '2026-04-05' } }],
          fired: [
            {
              name: 'approbation-automatique',
              event: { type: 'auto_approve' },
              conditions: [
                {
                  fact: 'invoice',
                  path: '$.total',
                  operator: 'lessThan',
                  value: 5000,
                  factValue: 114.98,
                  result: true,
                },
                { fact: 'late', operator: 'equal', value: true, factValue: false, result: null },
                {
                  fact: 'number',
                  operator: 'not:matches',
                  value: '^X',
                  factValue: 'contract_after_listing',
                  result: true,
                },
                {
                  fact: 'qst',
                  operator: 'withinTolerance',
                  value: { expected: 9.98, absolute: 0.01 },
                  factValue: 9.98,
                  result: true,
                },
                // Too large to repeat at each condition: the trace says what it was (the facts hold it once).
                {
                  fact: 'lines',
                  operator: 'notEqual',
                  value: [],
                  result: true,
                  omitted: { factValue: { type: 'array', length: 2000 } },
                },
              ],
            },
          ],
          failed: [
            { name: 'a', event: { type: 'reject' }, conditions: [] },
            { name: 'b', event: { type: 'reject' }, conditions: [] },
          ],
          explanation: { fr: 'Facture conforme.', en: 'Invoice compliant.', rules: [] },
          durationMs: 0.4,
        },
      },
    });
    renderConsole(<ReceiptView id="d-2" />, ['risk']);
    const record = await screen.findByTestId('decision-record');
    // Said as information, not as an error.
    expect(screen.getByRole('status').textContent).toMatch(/ne concerne pas une personne/);
    expect(screen.queryByRole('alert')).toBeNull();
    // In words, as Tests and « Essayer » say it: a risk officer read the code alone.
    expect(within(record).getByText('Approuvée automatiquement (auto_approve)')).toBeTruthy();
    expect(within(record).getByText('Facture conforme.')).toBeTruthy();
    expect(within(record).getByRole('link', { name: 'invoices' }).getAttribute('href')).toBe(
      '#/rulesets/invoices/show',
    );
    const facts = within(record).getByRole('table', { name: 'Faits reçus' });
    await waitFor(() =>
      expect(
        within(facts)
          .getAllByRole('row')
          .map((row) => row.textContent),
      ).toEqual(['Facture invoiceTotal avec taxes total114.98', 'supplier***']),
    );
    // An object's members one a line, by name: it was one line of JSON with its braces and quotes. In the schema's
    // words, the code name beside them: a risk officer read the invoice's English field names alone.
    expect(within(facts).getByText('total').closest('dt')).not.toBeNull();
    const rule = within(record).getByRole('table', { name: 'approbation-automatique' });
    expect(
      within(rule)
        .getAllByRole('row')
        .map((row) => row.textContent),
    ).toEqual([
      'FaitOpérateurValeur comparéeValeur du faitRésultat',
      // Operators in the editor's words (a risk officer read `lessThan`, `not:matches`).
      'Total avec taxes invoice.totalest inférieur à5000114.98vérifiée',
      'lateest égal àtruefalsenon évaluée',
      "numbernon (correspond à l'expression)^Xcontract_after_listingvérifiée",
      'qstest dans la tolérance de{"expected":9.98,"absolute":0.01}9.98vérifiée',
      "linesn'est pas égal à[]liste de 2\u00a0000 éléments, non reprise ici pour sa taillevérifiée",
    ]);
    // A code in a narrow column may break after its underscores rather than inside a word.
    const code = within(rule).getByText(
      (_, element) => element?.textContent === 'contract_after_listing' && element.tagName === 'CODE',
    );
    expect(code.innerHTML).toBe('contract_<wbr>after_<wbr>listing');
    // Between a JSON object's members, not at a number's decimal point.
    const tolerance = within(rule).getByText(
      (_, element) => element?.tagName === 'CODE' && element.textContent!.startsWith('{"expected"'),
    );
    expect(tolerance.innerHTML).toBe('{"expected":9.98,<wbr>"absolute":0.01}');
    expect(within(record).getByRole('heading', { name: 'Règle appliquée' })).toBeTruthy();
    expect(within(record).getByText('2 règles n’ont pas été appliquées.')).toBeTruthy();
    // No language switch: the record is staff's view, not a notice in the person's language.
    expect(screen.queryByRole('button', { name: 'English' })).toBeNull();
    // The key that asked is named as the audit trail names it (its name read from the trail), not by its id alone.
    // The trail is read after the record is shown: waited for (on a busy machine it came after the checks above).
    await waitFor(() =>
      expect(api.calls.map((c) => c.url.split('?')[0]).sort()).toEqual([
        '/api/v1/audit',
        '/api/v1/decisions/d-2',
        '/api/v1/decisions/d-2/receipt',
        '/api/v1/rulesets/invoices/versions/3',
      ]),
    );
    expect(api.calls.slice(0, 2).map((c) => c.url.split('?')[0])).toEqual([
      '/api/v1/decisions/d-2/receipt',
      '/api/v1/decisions/d-2',
    ]);
    expect(within(record).getByText('api-key:erp')).toBeTruthy(); // the trail did not name it here
  });
});
