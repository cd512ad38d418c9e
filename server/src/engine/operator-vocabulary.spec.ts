import { describe, expect, it } from '@jest/globals';
import { SERVER_VOCABULARY } from '../../../admin-ui/src/rulesets/editor/vocabulary.fixture.js';
import { KNOWN_OPERATORS, OPERATOR_DECORATORS } from './operator-names.js';

// The console reads the vocabulary from the API; its specs use a copy, which must not drift from the engine's.
describe('the console specs’ copy of the rule vocabulary', () => {
  it('lists the same operators and decorators as the engine', () => {
    expect([...SERVER_VOCABULARY.operators].sort()).toEqual([...KNOWN_OPERATORS].sort());
    expect([...SERVER_VOCABULARY.decorators].sort()).toEqual([...OPERATOR_DECORATORS].sort());
  });
});
