import { screen } from '@testing-library/react';
import { useTranslate, type TranslateFunction as Translate } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { changedPlace } from '../../rulesets/analysis/analysis-model';
import { fieldWords } from '../../experiments/experiment-form';
import { fakeApi, renderConsole } from '../testing/fake-api';
import { ConflictDialog } from './ConflictDialog';
import { changesBetween, type Change } from './conflict';

const nothing = () => undefined;

type PlaceOf = (translate: Translate, before: object, after: object) => (path: string, kind: Change['kind']) => string;

/** The dialog as an editor shows it, naming places its way. */
const Conflict = ({ before, after, words }: { before: object; after: object; words: PlaceOf }) => {
  const translate = useTranslate();
  return (
    <ConflictDialog
      changes={changesBetween(before, after)}
      onTakeTheirs={nothing}
      onKeepMine={nothing}
      placeOf={words(translate, before, after)}
    />
  );
};

/** The rule-set editor's way: from their copy, or mine for what they removed. */
const rulesetPlaces: PlaceOf = (translate, before, after) => (path, kind) =>
  changedPlace(path, kind === 'removed' ? before : after, translate);
const experimentPlaces: PlaceOf = (translate) => (path) => fieldWords(path, translate);

describe('the conflict dialog', () => {
  it('names what the other person changed in words, the pointer beside it for the JSON tabs', async () => {
    fakeApi({});
    const rule = { name: 'Montant élevé', priority: 1, conditions: { all: [] }, event: { type: 'manual_review' } };
    renderConsole(
      <Conflict
        words={rulesetPlaces}
        before={{ definition: { rules: [rule] }, settings: { logDecisions: true }, tests: [] }}
        after={{
          definition: {
            rules: [
              { ...rule, priority: 5 },
              { ...rule, name: 'Nouvelle' },
            ],
          },
          settings: { logDecisions: false },
          tests: [{ name: '100 $ accepté' }],
        }}
      />,
    );
    const dialog = await screen.findByRole('dialog');
    // It listed « Modification : /definition/rules/0/priority », a JSON Pointer an analyst cannot read.
    expect(dialog.textContent).toMatch(
      /Modification\s: Règle\s«\sMontant élevé\s» › priorité \(\/definition\/rules\/0\/priority\)/,
    );
    expect(dialog.textContent).toMatch(/Réglage\s«\sconserver les décisions\s» \(\/settings\/logDecisions\)/);
    // Named as they wrote them: an added rule is in their copy, not in mine.
    expect(dialog.textContent).toMatch(/Ajout\s: Règle\s«\sNouvelle\s» \(\/definition\/rules\/1\)/);
    expect(dialog.textContent).toMatch(/Ajout\s: Test\s«\s100\s\$ accepté\s» \(\/tests\/0\)/);
  });

  it('names an experiment’s variant by its place in the list', async () => {
    fakeApi({});
    const variants = [
      { name: 'a', version: 1, weight: 50 },
      { name: 'b', version: 2, weight: 50 },
    ];
    renderConsole(
      <Conflict
        words={experimentPlaces}
        before={{ coverage: 100, variants }}
        after={{ coverage: 40, variants: [variants[0], { ...variants[1], weight: 30 }] }}
      />,
    );
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toMatch(/variante 2 › poids \(\/variants\/1\/weight\)/);
    expect(dialog.textContent).toMatch(/couverture \(\/coverage\)/);
  });
});
