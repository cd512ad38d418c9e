import { SERVER_VOCABULARY } from './editor/vocabulary.fixture';
import { describe, expect, it } from 'vitest';
import { starterDefinition } from './starter-content';
import { liveChecks } from './editor/live-checks';
import { factOptions } from './editor/fact-paths';
import { STARTER_SCHEMA } from './starter-content';

const SNAKE = /^[a-z][a-z0-9_]*$/;

describe('a new rule set’s starting content', () => {
  it.each(['rules', 'decisionTable', 'decisionTree'])(
    'passes the live checks and names its decisions in snake_case (%s)',
    (format) => {
      const definition = starterDefinition(format);
      expect(liveChecks(format, definition, factOptions(STARTER_SCHEMA), SERVER_VOCABULARY)).toEqual([]);
      const types = JSON.stringify(definition)
        .match(/"type":"[^"]*"/g)!
        .map((t) => t.slice(8, -1));
      expect(types.length).toBeGreaterThan(0);
      for (const type of types) expect(type).toMatch(SNAKE);
    },
  );
});
