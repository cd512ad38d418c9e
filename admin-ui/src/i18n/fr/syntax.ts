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
    unclosed_tag: 'la balise <%{tag}> n’est jamais fermée (le fichier est peut-être tronqué).',
    unmatched_tag: 'la balise fermante </%{tag}> ne ferme aucune balise ouverte.',
    no_root: 'le fichier est vide : aucun élément XML.',
    unexpected_end: 'le fichier s’arrête au milieu d’un élément (il est peut-être tronqué).',
    duplicate_attribute: 'un attribut est écrit deux fois sur le même élément.',
    unquoted_attribute: 'la valeur d’un attribut n’est pas entre guillemets.',
    not_definitions: 'l’élément racine est <%{root}> et non <definitions> de DMN : ce n’est pas un fichier DMN.',
  },
};
