/** What a field's format is, in words (gabarit.details.formats.<name>): the names are common/pattern-formats.ts's. */
export const formatMessages = {
  one_to_twenty: 'un nombre de 1 à 20',
  model: 'un identifiant de modèle Claude, par exemple claude-sonnet-4-6',
  json_path:
    "un chemin JSONPath dans le fait, par exemple $.total, $.lines[0].amount ou $['montant-ht'] ; une clé entre crochets sans ( ) * , : ; @ [ ] ^ ` ~ #",
  fact: 'un nom de fait, par exemple invoice ou supplierRecord',
  operator: 'un opérateur connu, par exemple greaterThan, in, not:in, matches ou withinTolerance',
  pilot: 'un projet pilote, par exemple invoices, enrolment ou chatbot',
  person_name: 'un nom écrit en toutes lettres, pas seulement des espaces, sans caractère qui inverse le sens du texte',
  reason: 'un motif écrit en toutes lettres, pas seulement des espaces',
  text: 'un texte écrit en toutes lettres, pas seulement des espaces',
  table_key: 'lettres minuscules, chiffres et tirets, par exemple suppliers',
  version: 'un numéro de version, draft ou active',
  column:
    'un nom de colonne fait de lettres, de chiffres et de _, par exemple neq ou unitPrice (ni __proto__, ni constructor, ni prototype)',
  scope: 'une action et un motif de clé, par exemple evaluate:invoices-* ; metrics:* est la seule portée des métriques',
  set_name: 'lettres minuscules, chiffres et tirets, par exemple regression',
  prompt_key: 'lettres minuscules, chiffres et tirets, par exemple chatbot-answer',
  key: 'lettres minuscules, chiffres et tirets, de 2 à 63 caractères, par exemple invoices-2026',
  id: 'lettres minuscules, chiffres, - ou _, par exemple row-1 ou node-3',
  username: 'lettres minuscules, chiffres, point, tiret ou soulignement ; de 2 à 64 caractères',
  stop_sequence:
    'un texte d’au moins un caractère qui n’est ni une espace, ni une tabulation, ni un saut de ligne (le fournisseur du modèle refuse une séquence d’arrêt faite d’espaces seulement)',
  event_type: 'lettres minuscules, chiffres et _, commençant par une lettre, par exemple auto_approve',
};
