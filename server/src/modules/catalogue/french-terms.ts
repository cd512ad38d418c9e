// Words that say nothing about a dataset; removed from questions and descriptions alike.
const STOP_WORDS = new Set(
  'a au aux avec ce ces cette d dans de des du elle en est et il je l la le les leur lui mais me mes mon ne ni nous on ou où par pas pour qu que quel quelle quelles quels qui sa se ses son sont sur ta te tes toi ton tu un une vos votre vous y the of and in on for to is are what where which data donnees jeu jeux ensemble trouver cherche quoi comment'.split(
    ' ',
  ),
);

/** Lowercase, accents removed, stop words dropped, plural -s/-x folded: "Forêts" finds "forêt" and "foret". */
export function frenchTerm(term: string): string | null {
  const folded = term
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '');
  if (folded.length < 2 || STOP_WORDS.has(folded)) return null;
  return folded.length > 3 ? folded.replace(/[sx]$/, '') : folded;
}
