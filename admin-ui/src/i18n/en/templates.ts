import { TOKEN_ENGLISH } from '../../../../server/src/engine/template-errors';

/** A template the API refuses (gabarit.details.template): `keyword: template`, by its `reason`. */
export const templateMessages = {
  nesting:
    'nests %{found} levels deep; at most %{limit} are allowed (a block, an {{else …}} branch and a subexpression are one level each)',
  tags: 'has %{found} tags; at most %{limit} are allowed (each {{…}} and each subexpression ( … ) count one)',
  explanation_tags:
    'has %{found} tags in its explanations; at most %{limit} are allowed in all (each {{…}} and each subexpression ( … ) count one)',
  syntax: 'is not a valid template: line %{line}, after “%{before}”, found %{found}',
  syntax_at_start: 'is not a valid template: line %{line}, at the start, found %{found}',
  expected: ' where %{expected} was expected',
  or: ' or ',
  mismatch: 'is not a valid template: line %{line}, {{#%{opened}}} is closed by {{/%{closed}}}',
  prototype: 'may not use “%{name}”: prototype access is refused',
  helper: 'calls “%{name}”, which is not an allowed helper (%{allowed})',
  block: 'uses the block “#%{name}”; only #if, #unless, #each and #with are allowed',
  partial: 'uses a partial ({{> …}}); partials are not available',
  decorator: 'uses a decorator; decorators are not allowed',
  each_data: 'uses “%{name}” outside an {{#each}} block, where it is not defined',
  block_arity: 'uses “#%{name}” with %{found} values; it takes exactly one ({{#%{name} name}})',
  helper_arity: 'calls “%{name}” with %{found} values; it takes %{min}',
  helper_arity_range: 'calls “%{name}” with %{found} values; it takes %{min} or %{max}',
  truncate_length: 'gives %{name} as the length of “truncate”: a whole number of characters, at least 1',
  join_objects:
    'gives “%{name}” to “join”, a list of objects or lists, which would be written “[object Object]”: loop over it with {{#each}} and write its fields',
  helper_hash: 'gives “%{name}” a named value (%{key}=…); it takes its values in order, unnamed',
  join_not_a_list:
    'gives “%{name}” to “join”, which is not a list: join goes through an array, declared with "type": "array" in the variables schema',
  literal: 'writes a value (“%{name}”) where a variable’s name goes: write the variable’s name, or the text itself',
  depth: 'reads “%{name}”, which climbs out of more blocks than enclose it',
  depth_by_value:
    'reads “%{name}” inside a block over a value reached with ../ or @root, or a helper’s answer: how far “../” climbs there depends on the data; read the variable from the root (@root.…)',
  data: 'uses “%{name}”, which no block defines (only @root, and @index, @key, @first, @last in {{#each}})',
  undeclared:
    'uses {{%{name}}}, which the variables schema does not declare: add "%{name}" to its properties (the “Variables schema” field)',
  not_a_list:
    'loops over {{#each %{name}}}, which the variables schema declares but not as a list: {{#each}} goes through an array, declared with "type": "array" and its "items"',
  whole_root:
    'writes “%{name}”, the whole set of variables, outside an {{#each}} or {{#with}} block: the text would show “[object Object]”; write the variable’s name',
  writes_object:
    'writes {{%{name}}}, which the variables schema declares as an object or a list of objects: it would print “[object Object]”; write its fields, or loop over it with {{#each}}',
  block_params: 'names its block’s value (as |%{name}|): write the variable’s path instead',
  helper_member:
    'reads “%{name}” in what a helper answers, a text that has no such member: write {{this}} there, or read the variable outside the block',
  missing_variable:
    'the variable “%{name}”, which the template reads, has no value: give it one (the schema lets it be left out, the template does not)',
  unwritable_value:
    'holds a value the template cannot write as text (an object where a text goes, or a member read from a number): give the variables the types the template reads',
  // The API's own English words for the parser's tokens (server/src/engine/template-errors.ts).
  tokens: TOKEN_ENGLISH,
};
