import { EditorState } from '@codemirror/state';

/**
 * CodeMirror's own words in French: the fold markers' titles (« Fold line »), the search panel, the lint panel.
 * Without them, hover titles and screen readers got English in the French console. English is CodeMirror's own.
 */
const FRENCH: Record<string, string> = {
  'Fold line': 'Replier la ligne',
  'Unfold line': 'Déplier la ligne',
  'folded code': 'code replié',
  unfold: 'déplier',
  'Folded lines': 'Lignes repliées',
  Find: 'Rechercher',
  Replace: 'Remplacer',
  next: 'suivant',
  previous: 'précédent',
  all: 'tout',
  'match case': 'respecter la casse',
  regexp: 'expression régulière',
  'by word': 'mot entier',
  replace: 'remplacer',
  'replace all': 'tout remplacer',
  close: 'fermer',
  'current match': 'occurrence actuelle',
  'on line': 'à la ligne',
  'replaced match on line $': 'occurrence remplacée à la ligne $',
  'replaced $ matches': '$ occurrences remplacées',
  'Go to line': 'Aller à la ligne',
  go: 'aller',
  Diagnostics: 'Diagnostics',
  'No diagnostics': 'Aucun diagnostic',
  'Control character': 'Caractère de contrôle',
  'Selection deleted': 'Sélection supprimée',
  Completions: 'Complétions',
};

/** The extension giving CodeMirror's phrases in the console's language. */
export function editorPhrases(locale: string) {
  return EditorState.phrases.of(locale === 'en' ? {} : FRENCH);
}
