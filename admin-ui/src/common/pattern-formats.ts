/**
 * The formats the API's schemas describe (a `pattern` detail's `expected`, in English), by the name the console
 * words them under (gabarit.details.formats.<name>). server/src/common/http/pattern-formats.spec.ts checks that
 * every description in the server's schemas is here. In a file that imports nothing, so that spec can import it.
 */
export const PATTERN_FORMATS: Record<string, string> = {
  '1 to 20 (default 5)': 'one_to_twenty',
  'a Claude model id such as claude-sonnet-4-6': 'model',
  "a JSONPath into the fact such as $.total, $.lines[0].amount or $['montant-ht']; a key in brackets without ( ) * , : ; @ [ ] ^ ` ~ #":
    'json_path',
  'a fact name such as invoice or supplierRecord': 'fact',
  'a name in words, not only spaces, without direction overrides': 'person_name',
  'a known operator such as greaterThan, in, not:in, matches or withinTolerance': 'operator',
  'a pilot such as invoices, enrolment or chatbot': 'pilot',
  'a reason in words, not only spaces': 'reason',
  'a reference table key such as suppliers': 'table_key',
  'a version number, draft or active': 'version',
  'a text with at least one character that is not a space, tab or line break': 'stop_sequence',
  'all the rows whose column equals the key, as a list (the lines of a purchase order), instead of the row whose key column does':
    'column',
  'an action and a rule set or prompt key pattern, e.g. evaluate:invoices-*; metrics:* is the only metrics scope':
    'scope',
  'an evaluation set name': 'set_name',
  'key of the prompt whose version in force judges rubrics': 'prompt_key',
  'letters, digits and _, such as neq or unitPrice; not __proto__, constructor or prototype': 'column',
  'lowercase letters, digits and dashes, 2 to 63 characters, such as invoices-2026': 'key',
  'lowercase letters, digits and dashes, such as chatbot-answer': 'prompt_key',
  'lowercase letters, digits and dashes, such as regression': 'set_name',
  'lowercase letters, digits and dashes, such as suppliers': 'table_key',
  'lowercase letters, digits, - or _, such as row-1 or node-3': 'id',
  'lowercase letters, digits, . _ -; 2 to 64 characters': 'username',
  'snake_case such as auto_approve': 'event_type',
  'some text in words, not only spaces': 'text',
};
