/** A file or text a parser cannot read (gabarit.details.syntax): the API's `syntax` details, and JSON typed here. */
export const syntaxMessages = {
  place: 'ligne %{line}, colonne %{column}',
  at: 'Ligne %{line}, colonne %{column} : %{what}',
  somewhere: 'la syntaxe n’est pas respectée à cet endroit.',
  whole: 'La syntaxe n’est pas respectée.',
  reasons: {
    declaration: 'une déclaration DOCTYPE ou ENTITY, que l’import refuse : retirez-la du fichier.',
    quote_not_closed: 'un guillemet ouvert n’est jamais fermé.',
    after_closing_quote: 'un guillemet fermant est suivi d’autre chose que le séparateur.',
    field_count: 'la ligne n’a pas le même nombre de champs que l’en-tête.',
  },
};
