import { TOKEN_SYMBOLS } from '../../../../server/src/engine/template-errors';

/** A template the API refuses (gabarit.details.template): `keyword: template`, by its `reason`. */
export const templateMessages = {
  nesting:
    's’imbrique sur %{found} niveaux ; %{limit} au plus sont permis (un bloc, une branche {{else …}} et une sous-expression comptent chacun pour un niveau)',
  tags: 'compte %{found} balises ; %{limit} au plus sont permises (chaque {{…}} et chaque sous-expression ( … ) comptent pour une)',
  explanation_tags:
    'compte %{found} balises dans ses explications ; %{limit} au plus sont permises en tout (chaque {{…}} et chaque sous-expression ( … ) comptent pour une)',
  syntax: 'n’est pas un gabarit valide : ligne %{line}, après « %{before} », on trouve %{found}',
  syntax_at_start: 'n’est pas un gabarit valide : ligne %{line}, au début, on trouve %{found}',
  expected: ' alors qu’on attend %{expected}',
  or: ' ou ',
  mismatch: 'n’est pas un gabarit valide : ligne %{line}, {{#%{opened}}} est fermé par {{/%{closed}}}',
  prototype: 'ne peut pas utiliser « %{name} » : l’accès au prototype est refusé',
  helper: 'appelle « %{name} », qui n’est pas une fonction permise (%{allowed})',
  block: 'utilise le bloc « #%{name} » ; seuls #if, #unless, #each et #with sont permis',
  partial: 'utilise un gabarit partiel ({{> …}}) ; les partiels ne sont pas disponibles',
  decorator: 'utilise un décorateur ; les décorateurs ne sont pas permis',
  each_data: 'utilise « %{name} » hors d’un bloc {{#each}}, où elle n’est pas définie',
  block_arity: 'utilise « #%{name} » avec %{found} valeurs ; ce bloc en prend exactement une ({{#%{name} nom}})',
  helper_arity: 'appelle « %{name} » avec %{found} valeurs ; cette fonction en prend %{min}',
  helper_arity_range: 'appelle « %{name} » avec %{found} valeurs ; cette fonction en prend %{min} ou %{max}',
  truncate_length: 'donne %{name} comme longueur à « truncate » : un nombre entier de caractères, au moins 1',
  join_objects:
    'donne « %{name} » à « join », une liste d’objets ou de listes, qui s’écrirait « [object Object] » : parcourez-la avec {{#each}} et écrivez ses champs',
  helper_hash:
    'donne à « %{name} » une valeur nommée (%{key}=…) ; cette fonction prend ses valeurs dans l’ordre, sans nom',
  join_not_a_list:
    'donne « %{name} » à « join », qui n’est pas une liste : join parcourt un tableau, déclaré avec « "type": "array" » dans le schéma des variables',
  literal:
    'écrit une valeur (« %{name} ») là où va le nom d’une variable : écrivez le nom de la variable, ou le texte lui-même',
  depth: 'lit « %{name} », qui remonte de plus de blocs qu’il n’y en a autour',
  depth_by_value:
    'lit « %{name} » dans un bloc sur une valeur atteinte par ../ ou @root, ou sur la réponse d’une aide : jusqu’où « ../ » remonte y dépend des données ; lisez la variable depuis la racine (@root.…)',
  data: 'utilise « %{name} », qu’aucun bloc ne définit (seulement @root, et @index, @key, @first, @last dans {{#each}})',
  undeclared:
    'utilise {{%{name}}}, que le schéma des variables ne déclare pas : ajoutez « %{name} » à ses propriétés (champ « Schéma des variables »)',
  not_a_list:
    'parcourt {{#each %{name}}}, que le schéma des variables déclare, mais pas comme une liste : {{#each}} parcourt un tableau, déclaré avec « "type": "array" » et ses « items »',
  whole_root:
    'écrit « %{name} », l’ensemble des variables, hors d’un bloc {{#each}} ou {{#with}} : le texte afficherait « [object Object] » ; écrivez le nom de la variable',
  writes_object:
    'écrit {{%{name}}}, que le schéma des variables déclare comme un objet ou une liste d’objets : le texte afficherait « [object Object] » ; écrivez ses champs, ou parcourez-la avec {{#each}}',
  block_params: 'nomme la valeur de son bloc (as |%{name}|) : écrivez plutôt le chemin de la variable',
  helper_member:
    'lit « %{name} » dans ce qu’une fonction répond, un texte qui n’a pas ce membre : écrivez {{this}} à cet endroit, ou lisez la variable hors du bloc',
  missing_variable:
    'la variable « %{name} », que le modèle lit, n’a pas de valeur : indiquez-la (le schéma permet de l’omettre, le modèle non)',
  unwritable_value:
    'contient une valeur que le modèle ne peut pas écrire en texte (un objet là où va un texte, ou un membre lu dans un nombre) : donnez aux variables les types que le modèle lit',
  // Symbols are written as in the template; the words are French.
  tokens: {
    ...TOKEN_SYMBOLS,
    end: 'la fin du gabarit',
    name: 'un nom',
    value: 'une valeur',
    data: 'une variable @',
    separator: '. ou /',
    text: 'du texte',
    invalid: 'un caractère qui ne peut pas figurer là',
    other: 'autre chose',
  },
};
