/** A file or text a parser cannot read (gabarit.details.syntax): the API's `syntax` details, and JSON typed here. */
export const syntaxMessages = {
  place: 'line %{line}, column %{column}',
  at: 'Line %{line}, column %{column}: %{what}',
  somewhere: 'the syntax is not respected here.',
  whole: 'The syntax is not respected.',
  reasons: {
    declaration: 'a DOCTYPE or ENTITY declaration, which the import refuses: remove it from the file.',
    quote_not_closed: 'an opening quote is never closed.',
    after_closing_quote: 'a closing quote is followed by something other than the delimiter.',
    field_count: 'the line does not have as many fields as the header.',
    unclosed_tag: 'the tag <%{tag}> is never closed (the file may be cut short).',
    unmatched_tag: 'the closing tag </%{tag}> closes no open tag.',
    no_root: 'the file is empty: no XML element.',
    unexpected_end: 'the file stops in the middle of an element (it may be cut short).',
    duplicate_attribute: 'an attribute is written twice on the same element.',
    unquoted_attribute: 'an attribute’s value is not in quotes.',
    not_definitions: 'the root element is <%{root}>, not DMN <definitions>: this is not a DMN file.',
  },
};
