/** What a field's format is, in words (gabarit.details.formats.<name>): the names are common/pattern-formats.ts's. */
export const formatMessages = {
  one_to_twenty: 'a number from 1 to 20',
  model: 'a Claude model id such as claude-sonnet-4-6',
  json_path:
    "a JSONPath into the fact such as $.total, $.lines[0].amount or $['montant-ht']; a key in brackets without ( ) * , : ; @ [ ] ^ ` ~ #",
  fact: 'a fact name such as invoice or supplierRecord',
  operator: 'a known operator such as greaterThan, in, not:in, matches or withinTolerance',
  pilot: 'a pilot such as invoices, enrolment or chatbot',
  person_name: 'a name in words, not only spaces, without characters that reverse the direction of the text',
  reason: 'a reason in words, not only spaces',
  text: 'some text in words, not only spaces',
  table_key: 'lowercase letters, digits and dashes, such as suppliers',
  version: 'a version number, draft or active',
  column: 'a column name of letters, digits and _, such as neq or unitPrice (not __proto__, constructor or prototype)',
  scope: 'an action and a key pattern, such as evaluate:invoices-*; metrics:* is the only metrics scope',
  set_name: 'lowercase letters, digits and dashes, such as regression',
  prompt_key: 'lowercase letters, digits and dashes, such as chatbot-answer',
  key: 'lowercase letters, digits and dashes, 2 to 63 characters, such as invoices-2026',
  id: 'lowercase letters, digits, - or _, such as row-1 or node-3',
  username: 'lowercase letters, digits, . _ -; 2 to 64 characters',
  stop_sequence:
    'a text with at least one character that is not a space, tab or line break (the model’s provider refuses a stop sequence of whitespace only)',
  event_type: 'lowercase letters, digits and _, starting with a letter, such as auto_approve',
};
