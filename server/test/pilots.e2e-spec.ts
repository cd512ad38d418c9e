import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SeedService } from '../src/seed/seed.service.js';
import { SEEDED_TABLES } from './support/reference-tables.js';
import { as, signInCast } from './support/rulesets.js';
import { startTestApp, type TestApp } from './support/test-app.js';

type Case = { name: string; facts: object; expectedEvents: string[] };
// Names are set in French typography (a non-breaking space before « : »); looked up here as typed, with spaces.
const pilotCases = (file: string): Case[] =>
  (JSON.parse(readFileSync(`rulesets/${file}`, 'utf8')).tests as Case[]).map((c) => ({
    ...c,
    name: c.name.replace(/[\u00a0\u202f]/g, ' '),
  }));

// The pilots as shipped: loaded from rulesets/ on first start, published, and decided through the HTTP API.
describe('the invoice and enrolment pilots', () => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof signInCast>>;
  let key: string;
  let otherKey: string;
  beforeAll(async () => {
    t = await startTestApp('pilots');
    cast = await signInCast(t);
    // The HR system tells employees the main factors of their enrolment decision: it may see their personal data.
    key = (
      await as(t, cast.admin).post('/api/v1/api-keys', {
        name: 'ERP et RH',
        scopes: ['evaluate:invoices*', 'evaluate:enrolment', 'personal-data:enrolment'],
      })
    ).body.key;
    otherKey = (
      await as(t, cast.admin).post('/api/v1/api-keys', { name: 'Tableau de bord', scopes: ['evaluate:enrolment'] })
    ).body.key;
  });
  afterAll(() => t.close());

  const evaluate = (ruleset: string, facts: object) =>
    t.http.post(`/api/v1/rulesets/${ruleset}/evaluate`).set('x-api-key', key).send({ facts, explain: true });

  it('are published on first start, with their test cases passing', async () => {
    for (const [ruleset, minimum] of [
      ['invoices', 62],
      ['enrolment', 20],
      ['invoices-approval-routing', 2],
    ] as const) {
      const view = (await as(t, cast.analyst).get(`/api/v1/rulesets/${ruleset}`)).body;
      expect(view).toMatchObject({ activeVersion: 1, versions: [{ status: 'published', publishedBy: 'seed' }] });
      const run = await as(t, cast.analyst).post(`/api/v1/rulesets/${ruleset}/versions/1/test`);
      expect(run.body.failed).toBe(0);
      expect(run.body.passed).toBeGreaterThanOrEqual(minimum);
    }
  });

  it.each(pilotCases('invoices/invoices.json').map((c) => [c.name, c] as const))('invoices: %s', async (_name, c) => {
    const response = await evaluate('invoices', c.facts);
    expect(response.status).toBe(200);
    expect(response.body.events.map((e: { type: string }) => e.type).sort()).toEqual([...c.expectedEvents].sort());
  });

  it.each(pilotCases('enrolment/enrolment.json').map((c) => [c.name, c] as const))(
    'enrolment: %s',
    async (_name, c) => {
      const response = await evaluate('enrolment', c.facts);
      expect(response.status).toBe(200);
      expect(response.body.events.map((e: { type: string }) => e.type)).toEqual(c.expectedEvents);
    },
  );

  it('explains QST of 10.47 $ on 100 $ as tax on tax, a current mistake, not as the rule before 2013', async () => {
    // Before 2013, 9.5 % of price plus GST gave the same 9.98 $ as 9.975 % of the price does today (9.5 % × 105 $).
    const c = pilotCases('invoices/invoices.json').find((x) => x.name.startsWith('taxe sur la taxe : TVQ de 9,975 %'))!;
    const response = await evaluate('invoices', c.facts);
    expect(response.body.explanation.fr).toBe(
      'TVQ de 10,47\u00a0$ calculée sur le prix plus la TPS, ce qui taxe la taxe\u00a0: elle doit être de 9,98\u00a0$, soit 9,975\u00a0% du prix avant taxes seulement.',
    );
    expect(response.body.explanation.en).toBe(
      'QST of $10.47 computed on the price plus GST, which taxes the tax: it must be $9.98, 9.975% of the pre-tax price only.',
    );
    expect(`${response.body.explanation.fr} ${response.body.explanation.en}`).not.toMatch(/2013/);
  });

  it('accepts any 10-digit NEQ and sends one that differs from the supplier’s file to a person', async () => {
    const cases = pilotCases('invoices/invoices.json');
    const rare = cases.find((x) => x.name.startsWith('NEQ de 10 chiffres à un préfixe peu courant'))!;
    expect((await evaluate('invoices', rare.facts)).body.events).toEqual([{ type: 'auto_approve' }]);
    const other = cases.find((x) => x.name.startsWith('NEQ de la facture différent'))!;
    const response = await evaluate('invoices', other.facts);
    expect(response.body.events).toEqual([{ type: 'manual_review' }]);
    expect(response.body.explanation.fr).toBe(
      "Le NEQ de la facture (1165432109) n'est pas celui du fournisseur au dossier (1145678901)\u00a0: une personne vérifiera qu'il s'agit de la même entreprise.",
    );
    expect(response.body.explanation.en).toBe(
      "The NEQ on the invoice (1165432109) is not the supplier's on file (1145678901): a person will check that it is the same enterprise.",
    );
  });

  it('names missing information in words, not as field names', async () => {
    const c = pilotCases('invoices/invoices.json').find((x) => x.name === '500 $ et plus sans description')!;
    const { fr, en } = (await evaluate('invoices', c.facts)).body.explanation;
    expect(fr).toMatch(
      /Renseignements obligatoires manquants pour une facture de [\d\u00a0]+,\d\d\u00a0\$\u00a0: description des biens ou des services\./,
    );
    expect(en).toMatch(
      /Required information missing for an invoice of \$[\d,]+\.\d\d: description of the goods or services\./,
    );
    expect(`${fr} ${en}`).not.toMatch(/supplier\.|buyerName|paymentTerms/);
  });

  it('matches an order only with its own supplier, says an unknown order number, and quotes the taxes invoiced', async () => {
    const cases = pilotCases('invoices/invoices.json');
    const find = (start: string) => cases.find((x) => x.name.startsWith(start))!.facts;
    // It was approved, « rapprochement avec le bon de commande réussi », against another supplier's order.
    const other = (await evaluate('invoices', find('bon de commande émis à un autre fournisseur'))).body;
    expect(other.events).toEqual([{ type: 'manual_review' }]);
    expect(other.explanation.fr).toBe(
      'Le bon de commande BC-77 a été émis à un autre fournisseur (FRN-001) que celui de la facture (FRN-002)\u00a0: une personne vérifiera la facture avant tout rapprochement.',
    );
    const closed = (await evaluate('invoices', find('bon de commande fermé'))).body;
    expect(closed.explanation.fr).toBe(
      'Le bon de commande BC-81 est fermé depuis le 15 février 2026\u00a0: il ne prend plus de factures, une personne vérifiera celle-ci.',
    );
    const unknown = (await evaluate('invoices', find('bon de commande inconnu au dossier'))).body;
    expect(unknown.explanation.fr).toBe(
      "Le bon de commande BC-999 n'est pas au dossier\u00a0: rapprochement facture-commande-réception impossible.",
    );
    // A cent from the calculation on each tax is accepted, and said: the approval had called 5,01 $ « exact » at 5 $.
    const rounded = (await evaluate('invoices', find('TPS et TVQ à un cent près de leur calcul'))).body;
    expect(rounded.events).toEqual([{ type: 'auto_approve' }]);
    expect(rounded.explanation.fr).toContain(
      "taxes justes à l'arrondi près (TPS facturée 5,01\u00a0$, calculée 5\u00a0$\u202f; TVQ facturée 9,99\u00a0$, calculée 9,98\u00a0$)",
    );
    expect(rounded.explanation.en).toContain(
      'taxes correct within rounding (GST invoiced $5.01, calculated $5; QST invoiced $9.99, calculated $9.98)',
    );
    const exact = (await evaluate('invoices', cases[0]!.facts)).body;
    expect(exact.explanation.fr).toContain('taxes exactes (TPS 5\u00a0$, TVQ 9,98\u00a0$)');
    // But the total must add up to the cent: 115,01 $ for 100 $ + 5,01 $ + 9,99 $ was approved too.
    const total = (await evaluate('invoices', find('TPS et TVQ à un cent près, mais un total'))).body;
    expect(total.events).toEqual([{ type: 'request_correction' }]);
    // A tax the invoice does not show is not quoted as invoiced, and keeps its cent in the total (under 100 $).
    const small = structuredClone(find('moins de 100 $ : 57,49 $')) as { invoice: Record<string, unknown> };
    Object.assign(small.invoice, { qst: 4.98, total: 57.48 });
    const shown = (await evaluate('invoices', small)).body;
    expect(shown.events).toEqual([{ type: 'auto_approve' }]);
    expect(shown.explanation.fr).toContain(
      "taxes justes à l'arrondi près (TPS 2,50\u00a0$\u202f; TVQ facturée 4,98\u00a0$, calculée 4,99\u00a0$)",
    );
    // A tax-free line beside taxed ones: the taxes are the other lines', and a person checks the line. The invoice
    // was sent back for « wrong » taxes on the whole subtotal.
    const mixed = (await evaluate('invoices', find('deux lignes dont une détaxée'))).body;
    expect(mixed.events).toEqual([{ type: 'manual_review' }]);
    expect(mixed.explanation.fr).toBe(
      "Fourniture détaxée ou exonérée (ligne 2 «\u00a0Cartouches d'encre\u00a0», 100\u00a0$)\u00a0: une personne vérifiera qu'aucune taxe ne s'applique\u202f; la facture n'est pas renvoyée au fournisseur.",
    );
    // GST charged on the tax-free line too: the expected amount is said of the taxed lines (« 5 % du prix avant
    // taxes » of a 200 $ invoice read as 10 $, the amount charged).
    const taxedBoth = (await evaluate('invoices', find('deux lignes dont une détaxée, la TPS facturée sur les deux')))
      .body;
    expect(taxedBoth.explanation.fr).toContain(
      'TPS de 10\u00a0$ au lieu de 5\u00a0$ (5\u00a0% du prix avant taxes des lignes taxées, 100\u00a0$).',
    );
    const dated = (await evaluate('invoices', find('facture datée avant la conclusion du contrat'))).body;
    expect(dated.explanation.fr).toBe(
      'Dates à vérifier\u00a0: la facture est datée du 10 janvier 2026, avant la conclusion du contrat le 20 janvier 2026. Une personne vérifiera que le travail facturé relève bien de ce contrat.',
    );
    const blank = (await evaluate('invoices', find('nom du fournisseur laissé en blanc'))).body;
    expect(blank.explanation.fr).toMatch(/Renseignements obligatoires manquants .*\u00a0: nom du fournisseur\./);
  });

  it('asks for the registration numbers from 100 $ and the buyer, terms and description from 500 $ (ITC thresholds)', async () => {
    const c = pilotCases('invoices/invoices.json').find((x) => x.name.startsWith('100,00 $ sans numéro de TPS'))!;
    const at100 = await evaluate('invoices', c.facts);
    expect(at100.body.events).toEqual([{ type: 'request_correction' }]);
    expect(at100.body.explanation.fr).toContain("pour une facture de 100\u00a0$\u00a0: numéro d'inscription à la TPS.");
    expect(at100.body.explanation.en).toContain('for an invoice of $100: GST registration number.');
    const below500 = pilotCases('invoices/invoices.json').find((x) =>
      x.name.startsWith('de 100 $ à 499,99 $ : 344,93 $'),
    )!;
    expect((await evaluate('invoices', below500.facts)).body.events).toEqual([{ type: 'auto_approve' }]);
  });

  it('sends zero-rated and exempt supplies to a person, naming the tax, instead of asking the supplier for taxes', async () => {
    const books = pilotCases('invoices/invoices.json').find((x) => x.name.startsWith('livres : TPS de 5 % sans TVQ'))!;
    const response = await evaluate('invoices', books.facts);
    expect(response.body.events).toEqual([{ type: 'manual_review' }]);
    expect(response.body.explanation.fr).toBe(
      "Fourniture détaxée ou exonérée (TVQ)\u00a0: une personne vérifiera qu'aucune taxe ne s'applique\u202f; la facture n'est pas renvoyée au fournisseur.",
    );
    expect(response.body.explanation.en).toBe(
      'Zero-rated or exempt supply (QST): a person will check that no tax applies; the invoice is not sent back to the supplier.',
    );
    const unregistered = pilotCases('invoices/invoices.json').find((x) =>
      x.name.startsWith('fournisseur non inscrit au fichier de la TVQ qui exige'),
    )!;
    const charged = await evaluate('invoices', unregistered.facts);
    expect(charged.body.events).toEqual([{ type: 'manual_review' }]);
    expect(charged.body.explanation.fr).toContain("n'est pas inscrit à son fichier\u00a0: TVQ de 9,98\u00a0$.");
    expect(charged.body.explanation.en).toContain('not registered for it: QST of $9.98.');
  });

  it('checks the Revenu Québec attestation on the date the contract was concluded, and asks a person when the contract value is missing', async () => {
    const cases = pilotCases('invoices/invoices.json');
    const expiredSince = cases.find((x) =>
      x.name.startsWith('contrat de 25 000 $ : attestation valide à sa conclusion'),
    )!;
    expect((await evaluate('invoices', expiredSince.facts)).body.events).toEqual([{ type: 'auto_approve' }]);
    const issuedAfter = cases.find((x) => x.name.startsWith('contrat de 25 000 $ : attestation délivrée après'))!;
    const late = await evaluate('invoices', issuedAfter.facts);
    expect(late.body.events).toEqual([{ type: 'manual_review' }]);
    expect(late.body.explanation.fr).toBe(
      "Un contrat de 25\u00a0000\u00a0$ avant taxes (seuil de 25\u00a0000\u00a0$) exige une attestation de Revenu Québec valide à sa conclusion\u202f; or l'attestation au dossier (délivrée le 2 février 2026, valide jusqu'au 31 mai 2026) n'était pas valide le 20 janvier 2026, date de conclusion du contrat.",
    );
    expect(late.body.explanation.en).toContain('was not valid on January 20, 2026, when the contract was concluded.');
    const noValue = cases.find((x) => x.name.startsWith('valeur du contrat absente'))!;
    const unknown = await evaluate('invoices', noValue.facts);
    expect(unknown.body.events).toEqual([{ type: 'manual_review' }]);
    expect(unknown.body.explanation.fr).toContain("La valeur du contrat avant taxes n'est pas indiquée\u00a0:");
    expect(unknown.body.explanation.en).toContain('The contract value before taxes is not given');
  });

  it('tells when an approved invoice must be paid: 30 days after the later of its receipt and the acceptance', async () => {
    const cases = pilotCases('invoices/invoices.json');
    const afterAcceptance = cases.find((x) => x.name.startsWith("échéance : 30 jours après l'acceptation"))!;
    const accepted = (await evaluate('invoices', afterAcceptance.facts)).body;
    expect(accepted.events).toEqual([{ type: 'auto_approve' }]);
    expect(accepted.explanation.fr).toContain(
      "Paiement dû au plus tard le 5 avril 2026, 30\u00a0jours après la plus tardive de la réception de la facture et de l'acceptation des biens ou des services.",
    );
    expect(accepted.explanation.en).toContain(
      'Payment due by April 5, 2026, 30 days after the later of receipt of the invoice and acceptance of the goods or services.',
    );
    const afterReceipt = cases.find((x) => x.name.startsWith('échéance : 30 jours après la réception'))!;
    expect((await evaluate('invoices', afterReceipt.facts)).body.explanation.fr).toContain(
      'Paiement dû au plus tard le 3 avril 2026,',
    );
  });

  it('rejects a duplicate whatever its case, spaces, dashes or leading zeros, and sends near-duplicates to a person', async () => {
    const cases = pilotCases('invoices/invoices.json');
    const spaced = cases.find((x) => x.name.startsWith('doublon malgré la casse et les espaces'))!;
    const duplicate = (await evaluate('invoices', spaced.facts)).body;
    expect(duplicate.events).toEqual([{ type: 'reject' }]);
    expect(duplicate.explanation.fr).toBe(
      'Facture en double\u00a0: f 2026 001, déjà reçue de ce fournisseur, a le même numéro (à la casse, aux espaces, aux tirets et aux zéros de tête près), la même date et le même montant.',
    );
    expect(duplicate.explanation.en).toContain('has the same number (ignoring case, spaces, dashes and leading zeros)');
    // Two earlier copies: « déjà reçues … ont », not « déjà reçue … a ».
    const twice = structuredClone(spaced.facts) as { previousInvoices: { number: string }[] };
    twice.previousInvoices.push({
      ...twice.previousInvoices.find((p) => p.number === 'f 2026 001')!,
      number: 'F-2026-0001',
    });
    const both = (await evaluate('invoices', twice)).body;
    expect(both.explanation.fr).toContain('f 2026 001, F-2026-0001, déjà reçues de ce fournisseur, ont le même numéro');
    expect(both.explanation.en).toContain('already received from this supplier, have the same number');
    const zeros = cases.find((x) => x.name.startsWith('doublon malgré les zéros de tête'))!;
    expect((await evaluate('invoices', zeros.facts)).body.events).toEqual([{ type: 'reject' }]);
    const sameDayAndAmount = cases.find((x) => x.name.startsWith('même date et même montant sous un autre numéro'))!;
    const possible = (await evaluate('invoices', sameDayAndAmount.facts)).body;
    expect(possible.events).toEqual([{ type: 'manual_review' }]);
    expect(possible.explanation.fr).toBe(
      "Doublon possible\u00a0: facture F-2026-017 du 2 mars 2026 de 114,98\u00a0$ (même date et même montant, autre numéro). Une personne vérifiera qu'il ne s'agit pas de la même facture.",
    );
    expect(possible.explanation.en).toBe(
      'Possible duplicate: invoice F-2026-017 of March 2, 2026 for $114.98 (same date and amount, another number). A person will check that it is not the same invoice.',
    );
  });

  it('pays for work under a contract signed before the supplier’s RENA listing, through a person, and rejects later ones', async () => {
    const cases = pilotCases('invoices/invoices.json');
    const before = cases.find((x) => x.name.startsWith("contrat conclu avant l'inscription au RENA"))!;
    const earlier = (await evaluate('invoices', before.facts)).body;
    expect(earlier.events).toEqual([{ type: 'manual_review' }]);
    expect(earlier.explanation.fr).toContain(
      "depuis le 10 février 2026, mais le contrat a été conclu avant, le 20 janvier 2026\u00a0: l'inscription interdit les nouveaux contrats, pas le paiement des travaux faits en vertu d'un contrat antérieur.",
    );
    expect(earlier.explanation.en).toContain(
      'the listing forbids new contracts, not paying for work done under an earlier one.',
    );
    // Read back by an analyst (who may not see personal fields such as the contact's email), the explanation is
    // written again from the masked facts, with the supplier's row read again: the listing date is still there.
    const readBack = await as(t, cast.analyst).get(`/api/v1/decisions/${earlier.evaluationId}`);
    expect(readBack.status).toBe(200);
    expect(readBack.body.explanation.fr).toContain('depuis le 10 février 2026, mais le contrat a été conclu avant');
    const after = cases.find((x) => x.name.startsWith('fournisseur inscrit au RENA avant la conclusion du contrat'))!;
    const later = (await evaluate('invoices', after.facts)).body;
    expect(later.events).toEqual([{ type: 'reject' }]);
    expect(later.explanation.fr).toContain('depuis le 15 novembre 2025 et le contrat a été conclu le 20 janvier 2026');
  });

  it('refuses a misspelt field instead of deciding without it', async () => {
    // A typo for previousPublicJobEndDate was ignored, and the person approved with a waiting period they are spared.
    const c = pilotCases('enrolment/enrolment.json')[0]!;
    const facts = c.facts as { enrolment: Record<string, unknown> };
    const typo = { ...facts, enrolment: { ...facts.enrolment, previousPublicJobEnd: '2026-02-20' } };
    const response = await evaluate('enrolment', typo);
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([
      expect.objectContaining({ path: '/facts/enrolment/previousPublicJobEnd', message: 'is not an allowed field' }),
    ]);
    // An order number with spaces around it is not an id: it was looked up as is and « not on file ».
    const invoice = pilotCases('invoices/invoices.json')[0]!.facts as { invoice: Record<string, unknown> };
    const padded = await evaluate('invoices', {
      ...invoice,
      invoice: { ...invoice.invoice, purchaseOrderNumber: ' BC-77' },
    });
    expect(padded.status).toBe(400);
    expect(padded.body.details).toEqual([expect.objectContaining({ path: '/facts/invoice/purchaseOrderNumber' })]);
  });

  it('names the main factors and the right to human review in an automated enrolment approval, with its path', async () => {
    const c = pilotCases('enrolment/enrolment.json').find(
      (x) => x.expectedEvents[0] === 'auto_approve' && x.name.startsWith('permanent'),
    )!;
    const response = await evaluate('enrolment', c.facts);
    expect(response.body.events).toEqual([{ type: 'auto_approve', params: { automated: true } }]);
    const { fr, en } = response.body.explanation;
    expect(fr).toContain(
      "Parcours\u00a0: Statut d'emploi → Âge au début de la couverture → Exemption → Protection choisie → Délai du formulaire → Emploi public antérieur → Adhésion → approbation",
    );
    expect(en).toContain(
      'Path: Employment status → Age when coverage starts → Exemption → Chosen coverage → Form deadline → Previous public-sector job → Enrolment → approval.',
    );
    expect(fr).toContain("statut «\u00a0permanent\u00a0» admissible, 35\u00a0ans à l'embauche");
    expect(fr).toContain('Couverture à compter du 2 avril 2026');
    expect(fr).toContain('présenter vos observations à un membre du personnel en mesure de réviser la décision');
    expect(en).toContain('submit your observations to a staff member who can review the decision');
    // A system without that grant gets the same factors with the age, computed from the birth date, masked.
    const masked = await t.http
      .post('/api/v1/rulesets/enrolment/evaluate')
      .set('x-api-key', otherKey)
      .send({ facts: c.facts, explain: true });
    expect(masked.body.explanation.fr).toContain(
      "statut «\u00a0permanent\u00a0» admissible, ***\u00a0ans à l'embauche",
    );
  });

  it('counts years and days in each language’s grammar: « 1 an », « 1 jour », "1 day"', async () => {
    const permanent = pilotCases('enrolment/enrolment.json').find(
      (x) => x.expectedEvents[0] === 'auto_approve' && x.name.startsWith('permanent'),
    )!;
    const { employee, enrolment } = permanent.facts as Record<string, Record<string, unknown>>;
    const nextDay = new Date(Date.parse(`${String(employee!['hireDate'])}T00:00:00Z`) + 86_400_000).toISOString();
    const early = await evaluate('enrolment', {
      ...permanent.facts,
      enrolment: { ...enrolment, formReceivedDate: nextDay.slice(0, 10) },
    });
    expect(early.body.explanation.fr).toContain("formulaire reçu 1\u00a0jour après l'embauche");
    expect(early.body.explanation.en).toContain('form received 1 day after hire');
    // A birth date a year before the hire date: a person checks it, and the notice says « 1 an ».
    const birth = new Date(Date.parse(`${String(employee!['hireDate'])}T00:00:00Z`) - 400 * 86_400_000);
    const baby = await evaluate('enrolment', {
      ...permanent.facts,
      employee: { ...employee, birthDate: birth.toISOString().slice(0, 10) },
    });
    expect(baby.body.events[0].type).toBe('manual_review');
    expect(baby.body.explanation.fr).toContain('Les dates indiquées vous donnent 1\u00a0an à la date d');
    // The path names each step in the reader's language, not by its identifier (« date-de-naissance-a-verifier »).
    expect(baby.body.explanation.fr).toContain("Âge au début de la couverture → âge invraisemblable à l'embauche.");
    const unnamed: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        const n = node as Record<string, unknown>;
        if (n['labelEn'] !== undefined && n['label'] === undefined) unnamed.push(String(n['id'] ?? n['labelEn']));
        Object.values(n).forEach(walk);
      }
    };
    walk(JSON.parse(readFileSync('rulesets/enrolment/enrolment.json', 'utf8')).definition);
    expect(unnamed.filter((id) => /[-_]/.test(id))).toEqual([]); // an identifier shown as a French word must read as one
    expect(baby.body.explanation.en).toContain('The dates given make you 1 on the hire date');
  });

  it('says a refused exemption on every path after it, counts the days since a previous job, and checks one that ends after the hire', async () => {
    const cases = pilotCases('enrolment/enrolment.json');
    const find = (start: string) => cases.find((x) => x.name.startsWith(start))!.facts as Record<string, object>;
    // The refusal was said only when the enrolment was approved; a late form hid it.
    const late = (await evaluate('enrolment', find('exemption refusée (RAMQ seulement) et formulaire en retard'))).body;
    expect(late.events).toEqual([{ type: 'manual_review', params: { defaultTier: 'individual' } }]);
    expect(late.explanation.fr).toContain(
      "Votre demande d'exemption est refusée\u00a0: le régime public de la RAMQ ne dispense pas d'adhérer au régime du groupe",
    );
    expect(late.explanation.en).toContain(
      'Your exemption request is refused: the public RAMQ plan does not exempt you',
    );
    const base = find('permanent, individuelle, tout en règle');
    const rehired = (end: string) =>
      evaluate('enrolment', { ...base, enrolment: { ...base['enrolment'], previousPublicJobEndDate: end } });
    // « 1 jours » and « 0 jours » before.
    const dayBefore = (await rehired('2026-03-01')).body;
    expect(dayBefore.explanation.fr).toContain('a pris fin 1\u00a0jour avant votre embauche');
    expect(dayBefore.explanation.en).toContain('ended 1 day before your hire');
    const sameDay = (await rehired('2026-03-02')).body;
    expect(sameDay.explanation.fr).toContain('a pris fin le jour de votre embauche');
    // An end after the hire read as « no previous job » (-1) and was approved with a waiting period.
    const after = (await rehired('2026-03-10')).body;
    expect(after.events).toEqual([{ type: 'manual_review' }]);
    expect(after.explanation.fr).toContain(
      'Votre emploi public précédent aurait pris fin le 10 mars 2026, après votre embauche le 2 mars 2026',
    );
    // The path names each step once: « terminé après l'embauche → dates à vérifier ».
    expect(after.explanation.fr).toContain("Emploi public antérieur → terminé après l'embauche.");
    const ineligible = (await evaluate('enrolment', cases.find((x) => x.expectedEvents[0] === 'ineligible')!.facts))
      .body;
    expect(ineligible.explanation.fr).toContain("Parcours\u00a0: Statut d'emploi → non admissible.");
  });

  it('tells an ineligible employee to join a spouse’s or parent’s group plan first, with the automated-decision notice', async () => {
    const c = pilotCases('enrolment/enrolment.json').find((x) => x.expectedEvents[0] === 'ineligible')!;
    const { fr, en } = (await evaluate('enrolment', c.facts)).body.explanation;
    expect(fr).toContain("régime collectif de votre conjoint ou de vos parents, vous devez d'abord y adhérer");
    expect(fr).toContain('Cette décision a été prise automatiquement');
    expect(fr).toContain("Renseignements utilisés\u00a0: statut d'emploi.");
    expect(fr).toContain('Vous pouvez les faire rectifier, et présenter vos observations à un membre du personnel');
    expect(en).toContain('you must join it first; otherwise the public RAMQ plan applies');
    expect(en).toContain('submit your observations to a staff member who can review the decision');
  });

  // Law 25 (s. 65.2 of the Access Act): on every path, the person is told the decision was automated, which
  // personal information it used, its reasons and main factors, that they may have that information corrected and
  // submit observations to a staff member who can review it; in French typography, addressed as « vous ».
  it.each(pilotCases('enrolment/enrolment.json').map((c) => [c.name, c] as const))(
    'enrolment: %s: the automated-decision notice, addressed to the person',
    async (_name, c) => {
      const { rules } = (await evaluate('enrolment', c.facts)).body.explanation as {
        rules: { fr: string; en: string }[];
      };
      expect(rules).toHaveLength(1);
      const { fr, en } = rules[0]!;
      expect(fr).toMatch(/Facteurs? principa(l|ux)\u00a0: /);
      expect(fr).toMatch(/Renseignements utilisés\u00a0: [^.]+\./);
      expect(fr).toContain(
        'Cette décision a été prise automatiquement à partir de ces renseignements. Vous pouvez les faire rectifier, et présenter vos observations à un membre du personnel en mesure de réviser la décision.',
      );
      expect(fr).toMatch(/\b[Vv](ous|otre|os)\b/);
      expect(fr).not.toMatch(/la personne|une personne examinera/);
      // Québec typography, as the console sets it: a non-breaking space before : % $ and inside « », a narrow
      // one before ; ? and !.
      expect(fr).not.toMatch(/[^\u00a0][:%$]|[^\u202f][;?!]|«[^\u00a0]|[^\u00a0]»/);
      expect(en).toMatch(/Main factors?: /);
      expect(en).toMatch(/Information used: [^.]+\./);
      expect(en).toContain(
        'This decision was made automatically from this information. You may have it corrected, and submit your observations to a staff member who can review the decision.',
      );
      expect(en).toMatch(/\b[Yy]our?\b/);
      expect(en).not.toMatch(/the person/);
      expect(`${fr} ${en}`).not.toMatch(/\b(employee|enrolment|dependants|parameters)\.\w|\{\{/);
      // An impossible date is said in words, never as a negative age.
      expect(`${fr} ${en}`).not.toMatch(/-\d+ (ans|on)\b/);
    },
  );

  it('refuses individual coverage while a spouse is not covered by another group plan, and names the coverage that fits', async () => {
    const c = pilotCases('enrolment/enrolment.json').find((x) => x.name.startsWith('individuelle avec un conjoint'))!;
    const response = await evaluate('enrolment', c.facts);
    expect(response.body.events).toEqual([{ type: 'request_documents', params: { documents: ['dependants_proof'] } }]);
    const { fr, en } = response.body.explanation;
    expect(fr).toContain(
      'La protection «\u00a0individuelle\u00a0» ne correspond pas à vos personnes à charge déclarées',
    );
    expect(fr).toContain('celle qui y correspond est la protection «\u00a0familiale\u00a0»');
    expect(en).toContain('the coverage that matches them is "family"');
    // Covered by another group plan, the same spouse leaves individual coverage open.
    const covered = structuredClone(c.facts) as { enrolment: Record<string, unknown> };
    covered.enrolment['dependantsCoveredElsewhere'] = true;
    expect((await evaluate('enrolment', covered)).body.events[0].type).toBe('auto_approve');
  });

  it('tells a person whose exemption is refused why, and approves the enrolment they must make', async () => {
    const c = pilotCases('enrolment/enrolment.json').find((x) => x.name.startsWith('RAMQ seulement, couple'))!;
    const response = await evaluate('enrolment', c.facts);
    expect(response.body.events).toEqual([
      { type: 'auto_approve', params: { automated: true, exemptionRefused: true } },
    ]);
    const { fr, en } = response.body.explanation;
    expect(fr).toContain('Adhésion → exemption refusée.');
    expect(fr).toContain("Votre demande d'exemption est refusée\u00a0:");
    expect(fr).toContain("seule une protection par un autre régime d'assurance collective");
    expect(fr).toContain('avec la protection «\u00a0familiale\u00a0»');
    expect(en).toContain('Your exemption request is refused');
  });

  it('exempts only a person covered by another group plan: individual insurance is refused', async () => {
    const cases = pilotCases('enrolment/enrolment.json');
    const group = cases.find((x) => x.name === 'exemption : régime collectif du conjoint')!;
    const approved = await evaluate('enrolment', group.facts);
    expect(approved.body.events).toEqual([{ type: 'auto_approve', params: { exemption: true } }]);
    expect(approved.body.explanation.fr).toContain("un autre régime d'assurance collective");
    const individual = cases.find((x) => x.name.startsWith('exemption avec une assurance individuelle'))!;
    const refused = await evaluate('enrolment', individual.facts);
    expect(refused.body.events).toEqual([
      { type: 'auto_approve', params: { automated: true, exemptionRefused: true } },
    ]);
    expect(refused.body.explanation.fr).toContain(
      "Votre demande d'exemption est refusée\u00a0: une assurance individuelle ne dispense pas d'adhérer au régime du groupe",
    );
    expect(refused.body.explanation.en).toContain(
      'individual insurance does not exempt you from joining the group plan',
    );
    // "private_plan" said neither which kind of plan nor whether it exempts: it is no longer accepted.
    const ambiguous = structuredClone(individual.facts) as { enrolment: Record<string, unknown> };
    ambiguous.enrolment['exemptionProof'] = 'private_plan';
    const rejected = await evaluate('enrolment', ambiguous);
    expect(rejected.status).toBe(400);
    expect(JSON.stringify(rejected.body.details)).toContain('/enrolment/exemptionProof');
  });

  it('sends to a person an employee who turns 65 before coverage starts, though 64 at hire', async () => {
    const c = pilotCases('enrolment/enrolment.json').find((x) => x.name.startsWith("64 ans à l'embauche, 65 ans"))!;
    const response = await evaluate('enrolment', c.facts);
    expect(response.body.events[0].type).toBe('manual_review');
    const { fr, en } = response.body.explanation;
    expect(fr).toContain('Âge au début de la couverture → choix du régime public');
    expect(fr).toContain('Vous aurez 65 ans au début de votre couverture, le 2 avril 2026\u00a0:');
    expect(fr).toContain('vous pouvez choisir le régime public de la RAMQ');
    expect(en).toContain('You will be 65 when your coverage starts, on April 2, 2026');
  });

  it('decides a hire date still to come on that date, and says coverage starts after it', async () => {
    const c = pilotCases('enrolment/enrolment.json').find((x) => x.name.startsWith('embauche à venir'))!;
    const response = await evaluate('enrolment', c.facts);
    expect(response.body.events).toEqual([{ type: 'auto_approve', params: { automated: true } }]);
    const { fr, en } = response.body.explanation;
    expect(fr).toContain('formulaire reçu avant votre embauche, prévue le 1er avril 2026.');
    expect(fr).toContain('Couverture à compter du 1er mai 2026');
    expect(fr).toContain(
      "Cette décision repose sur votre date d'embauche prévue, le 1er avril 2026\u00a0: si elle change",
    );
    expect(en).toContain('form received before your hire, planned for April 1, 2026.');
    expect(`${fr} ${en}`).not.toMatch(/-\d+ (jours|days)/);
  });

  it('accepts individual coverage beside a spouse of 65 or over, who may be covered by the public plan', async () => {
    const c = pilotCases('enrolment/enrolment.json').find(
      (x) => x.name === 'conjoint de 66 ans, protection individuelle',
    )!;
    const response = await evaluate('enrolment', c.facts);
    expect(response.body.events[0].type).toBe('auto_approve');
    expect(response.body.explanation.fr).toContain(
      "Votre conjoint aura 65 ans ou plus au début de la couverture\u00a0: votre régime n'a pas à le couvrir",
    );
    expect(response.body.explanation.en).toContain('Your spouse will be 65 or over when coverage starts');
    // The spouse's age comes from their birth date: a system without the personal-data grant does not learn it.
    const masked = await t.http
      .post('/api/v1/rulesets/enrolment/evaluate')
      .set('x-api-key', otherKey)
      .send({ facts: c.facts, explain: true });
    expect(masked.body.events[0].type).toBe('auto_approve');
    expect(masked.body.explanation.fr).not.toContain('Votre conjoint aura');
    // A spouse still 64 when coverage starts must be covered.
    const younger = structuredClone(c.facts) as { dependants: Record<string, unknown> };
    younger.dependants['spouseBirthDate'] = '1961-04-03';
    expect((await evaluate('enrolment', younger)).body.events[0].type).toBe('request_documents');
  });

  it('counts as dependants a child of 25 or under in full-time study and an adult child with a functional impairment, not a student of 26', async () => {
    const cases = pilotCases('enrolment/enrolment.json');
    const outcome = async (name: string) =>
      (await evaluate('enrolment', cases.find((x) => x.name.startsWith(name))!.facts)).body;
    expect((await outcome('enfant de 20 ans aux études')).events[0].type).toBe('auto_approve');
    expect((await outcome('enfant de 25 ans aux études')).events[0].type).toBe('auto_approve');
    expect(
      (await outcome("enfant majeur atteint d'une déficience fonctionnelle : protection monoparentale")).events[0].type,
    ).toBe('auto_approve');
    const older = await outcome('enfant de 26 ans');
    expect(older.events[0].type).toBe('request_documents');
    expect(older.explanation.fr).toContain('celle qui y correspond est la protection «\u00a0individuelle\u00a0»');
    expect(older.explanation.fr).toContain('aux études à temps plein et a 25 ans ou moins');
  });

  it('starts coverage on the last day of a shorter month: hired on January 31, covered from February 28', async () => {
    const c = pilotCases('enrolment/enrolment.json').find((x) => x.name.startsWith('permanent'))!;
    const facts = structuredClone(c.facts) as {
      employee: { hireDate: string };
      enrolment: { formReceivedDate: string };
    };
    facts.employee.hireDate = '2026-01-31';
    facts.enrolment.formReceivedDate = '2026-02-05';
    const response = await evaluate('enrolment', facts);
    expect(response.body.events[0].type).toBe('auto_approve');
    expect(response.body.explanation.fr).toContain('Couverture à compter du 28 février 2026');
  });

  it('routes approval to the lowest delegated signing limit that covers the total, from the signing-limits table', async () => {
    const levels = [];
    for (const total of [114.98, 4999.99, 5000, 30000, 99999.99, 133800, 200000, 2000000])
      levels.push((await evaluate('invoices-approval-routing', { invoice: { total } })).body.events[0].params.level);
    // No more "tender review" from the public tender threshold of 133 800 $, which ended on 2025-12-31.
    expect(levels).toEqual([
      'team_lead',
      'team_lead',
      'manager',
      'director',
      'director',
      'assistant_deputy_minister',
      'assistant_deputy_minister',
      'deputy_minister',
    ]);
    const manager = (await evaluate('invoices-approval-routing', { invoice: { total: 5000 } })).body.explanation;
    expect(manager.fr).toBe(
      '5\u00a0000\u00a0$ taxes comprises\u00a0: approbation par la ou le gestionnaire (limite de signature déléguée\u00a0: moins de 25\u00a0000\u00a0$).',
    );
    expect(manager.en).toBe(
      '$5,000 including taxes: approval by the manager (delegated signing limit: under $25,000).',
    );
    const top = (await evaluate('invoices-approval-routing', { invoice: { total: 2000000 } })).body.explanation;
    expect(top.fr).toBe(
      '2\u00a0000\u00a0000\u00a0$ taxes comprises\u00a0: approbation par la sous-ministre ou le sous-ministre.',
    );
  });

  it('asks a person when a contract at the AMP thresholds (options included) had no authorization to contract on its date', async () => {
    const cases = pilotCases('invoices/invoices.json');
    const withOptions = cases.find((x) =>
      x.name.startsWith("contrat de services de 900 000 $ et 200 000 $ d'options"),
    )!;
    const missing = (await evaluate('invoices', withOptions.facts)).body;
    expect(missing.events).toEqual([{ type: 'manual_review' }]);
    expect(missing.explanation.fr).toBe(
      "Un contrat de services de 1\u00a0100\u00a0000\u00a0$ avant taxes, options de renouvellement comprises (seuil de 1\u00a0000\u00a0000\u00a0$), exige que l'entreprise soit autorisée à contracter par l'Autorité des marchés publics (AMP) à sa conclusion\u202f; or aucune autorisation n'est inscrite au dossier du fournisseur. Une personne vérifiera l'autorisation au Registre des entreprises autorisées à contracter ou à sous-contracter (REA) avant le paiement.",
    );
    expect(missing.explanation.en).toBe(
      "A services contract of $1,100,000 before taxes, renewal options included (threshold $1,000,000), requires the enterprise to hold an authorization to contract from the Autorité des marchés publics (AMP) when it is concluded, but there is no authorization on the supplier's file. A person will check the authorization in the register of authorized enterprises (REA) before payment.",
    );
    const lapsed = cases.find((x) =>
      x.name.startsWith("contrat de services de 1 200 000 $ conclu après la fin de l'autorisation"),
    )!;
    const ended = (await evaluate('invoices', lapsed.facts)).body;
    expect(ended.events).toEqual([{ type: 'manual_review' }]);
    expect(ended.explanation.fr).toContain(
      "\u202f; or l'autorisation au dossier (du 10 janvier 2020 au 30 juin 2025) n'était pas en vigueur le 20 janvier 2026, date de conclusion du contrat.",
    );
    expect(ended.explanation.en).toContain(
      'but the authorization on file (January 10, 2020 to June 30, 2025) was not in force on January 20, 2026, when the contract was concluded.',
    );
    const supply = cases.find((x) => x.name.startsWith("contrat d'approvisionnement de 2 000 000 $"))!;
    expect((await evaluate('invoices', supply.facts)).body.events).toEqual([{ type: 'auto_approve' }]);
  });

  it('matches the purchase order line by line, before taxes, with the quantities invoiced so far', async () => {
    const cases = pilotCases('invoices/invoices.json');
    const find = (start: string) => cases.find((x) => x.name.startsWith(start))!.facts;
    // 100 $ before taxes against a line balance of 100 $: the taxes (114,98 $ in all) are not the order's.
    const exact = (await evaluate('invoices', find('solde avant taxes : 100 $ avant taxes'))).body;
    expect(exact.events).toEqual([{ type: 'auto_approve' }]);
    const received = (await evaluate('invoices', find('deux lignes : la seconde facturée au-delà'))).body;
    expect(received.events).toEqual([{ type: 'manual_review' }]);
    expect(received.explanation.fr).toBe(
      "Quantité facturée au-delà de la quantité reçue\u00a0: ligne 2 (Cartouches d'encre), 6\u00a0facturées en tout (dont 4 auparavant) pour 5\u00a0reçues.",
    );
    expect(received.explanation.en).toBe(
      "Quantity invoiced beyond the quantity received: line 2 (Cartouches d'encre), 6 invoiced in all (4 before) for 5 received.",
    );
    // A receipt the ERP did not send is unknown, not « 0 reçue ».
    const unsent = structuredClone(find('deux lignes : la seconde facturée au-delà')) as {
      invoice: { lines: { receivedQuantity?: number }[] };
    };
    delete unsent.invoice.lines[1]!.receivedQuantity;
    const unknownReceipt = (await evaluate('invoices', unsent)).body;
    expect(unknownReceipt.explanation.fr).toContain(
      '6\u00a0facturées en tout (dont 4 auparavant) sans quantité reçue indiquée.',
    );
    expect(unknownReceipt.explanation.en).toContain('6 invoiced in all (4 before) with no quantity received given.');
    const price = (await evaluate('invoices', find('deux lignes : prix unitaire de la seconde'))).body;
    expect(price.explanation.fr).toBe(
      "Prix unitaire hors de la tolérance de 2\u00a0% du bon de commande\u00a0: ligne 2 (Cartouches d'encre), 52\u00a0$ au lieu de 50\u00a0$ (avant taxes).",
    );
    const balance = (await evaluate('invoices', find('deux lignes : la seconde dépasse le solde'))).body;
    expect(balance.explanation.fr).toBe(
      "Solde de la ligne du bon de commande insuffisant, avant taxes\u00a0: ligne 2 (Cartouches d'encre), 100\u00a0$ facturés pour un solde de 50\u00a0$.",
    );
    expect(balance.explanation.en).toBe(
      "Purchase-order line balance not enough, before taxes: line 2 (Cartouches d'encre), $100 invoiced against a balance of $50.",
    );
    const absent = (await evaluate('invoices', find('ligne absente du bon de commande'))).body;
    expect(absent.explanation.fr).toBe(
      "Ligne absente du bon de commande BC-77\u00a0: ligne 3 (Cartouches d'encre), 100\u00a0$ avant taxes. Une personne vérifiera ce qui a été commandé.",
    );
    // 10 units at 10 $ billed 15 000 $ passed every check, the order's price included.
    const inflated = (await evaluate('invoices', find('ligne facturée 15 000 $ pour 10 unités'))).body;
    expect(inflated.events).toEqual([{ type: 'request_correction' }]);
    expect(inflated.explanation.fr).toBe(
      "Montant de ligne qui n'est pas la quantité multipliée par le prix unitaire\u00a0: ligne 1 (Fournitures de bureau), 10 × 10\u00a0$ = 100\u00a0$, facturée 15\u00a0000\u00a0$ (avant taxes).",
    );
    const sum = (await evaluate('invoices', find('lignes qui ne totalisent pas le sous-total'))).body;
    expect(sum.events).toEqual([{ type: 'request_correction' }]);
    expect(sum.explanation.fr).toBe(
      'Les lignes de la facture totalisent 200\u00a0$ avant taxes, mais le sous-total est de 210\u00a0$.',
    );
  });

  // Last: it changes a seeded table, which the cases above read.
  it('reads suppliers and purchase orders from seeded reference tables, changed only under review', async () => {
    const analyst = as(t, cast.analyst);
    for (const table of SEEDED_TABLES) {
      expect((await analyst.get(`/api/v1/reference-tables/${table}`)).body).toMatchObject({
        rev: 1,
        updatedBy: 'seed',
      });
      expect(
        await t.db
          .collection('audit_events')
          .countDocuments({ action: 'reference_table.created', resourceKey: table, actor: 'seed' }),
      ).toBe(1);
    }
    // Seeding again (as a second start would) changes nothing.
    await t.app.get(SeedService).seedAll();
    for (const table of SEEDED_TABLES)
      expect((await analyst.get(`/api/v1/reference-tables/${table}`)).body.rev).toBe(1);
    expect(await t.db.collection('audit_events').countDocuments({ action: 'reference_table.created' })).toBe(
      SEEDED_TABLES.length,
    );

    // The ERP sends the supplier's id and the order number; the records themselves are not its to send.
    const compliant = pilotCases('invoices/invoices.json')[0]!.facts as { invoice: { supplierId: string } };
    const forged = await evaluate('invoices', { ...compliant, supplierStatus: { onRena: false } });
    expect(forged.status).toBe(400);
    expect(forged.body).toMatchObject({ error: 'derived_fact', details: [{ path: '/facts/supplierStatus' }] });

    // An analyst records the supplier's RENA listing: the published rule set reads the table, so it waits for review.
    const path = '/api/v1/reference-tables/supplier-registrations';
    const csv = `supplierId,name,neq,onRena,renaListedOn,arqIssuedOn,arqValidUntil\n${compliant.invoice.supplierId},Fournitures Laval inc.,1145678901,oui,2025-12-01,2026-01-05,2026-04-30`;
    const proposed = await analyst
      .post(`${path}/import`, { csv, mode: 'merge' })
      .set('if-match', (await analyst.get(path)).headers['etag'] as string);
    expect(proposed.status).toBe(202);
    expect(proposed.body.pending).toMatchObject({ readers: ['invoices'], counts: { changed: 1 } });
    expect((await evaluate('invoices', compliant)).body.events).toEqual([{ type: 'auto_approve' }]);
    const approved = await as(t, cast.approver)
      .post(`${path}/pending/approve`, { comment: 'Inscription au RENA vérifiée' })
      .set('if-match', proposed.headers['etag'] as string);
    expect(approved.status).toBe(200);
    const decided = (await evaluate('invoices', compliant)).body;
    expect(decided.events).toEqual([{ type: 'reject' }]);
    expect(decided.explanation.fr).toContain(
      'depuis le 1er décembre 2025 et le contrat a été conclu le 20 janvier 2026',
    );
  });

  it('does not load a stale pilot file over a version published through the console since', async () => {
    const analyst = as(t, cast.analyst);
    const approver = as(t, cast.approver);
    const key = 'invoices-approval-routing';
    const read = await analyst.get(`/api/v1/rulesets/${key}`);
    const draft = await analyst.put(
      `/api/v1/rulesets/${key}/draft`,
      { settings: { logDecisions: false } },
      read.headers['etag'] as string,
    );
    expect(draft.status).toBe(200);
    const n = draft.body.draftVersion as number;
    expect((await analyst.post(`/api/v1/rulesets/${key}/versions/${n}/test`)).status).toBe(200);
    expect((await analyst.post(`/api/v1/rulesets/${key}/versions/${n}/submit`)).status).toBe(200);
    expect((await approver.post(`/api/v1/rulesets/${key}/versions/${n}/approve`)).status).toBe(200);
    expect((await approver.post(`/api/v1/rulesets/${key}/versions/${n}/publish`)).status).toBe(200);
    // The file still holds the version loaded first: seeding again would have published it over version n, unreviewed.
    await expect(t.app.get(SeedService).seedAll()).rejects.toThrow(/rule set file\(s\) could not be loaded/);
    const after = (await analyst.get(`/api/v1/rulesets/${key}`)).body;
    expect([after.activeVersion, after.versions.length]).toEqual([n, n]);
    expect(
      await t.db
        .collection('audit_events')
        .countDocuments({ action: 'ruleset.imported', resourceKey: key, actor: 'seed' }),
    ).toBe(1);
  });
});
