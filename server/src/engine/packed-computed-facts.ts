import { LRUCache } from 'lru-cache';
import { compileComputedFacts, type ComputedFact, type ComputeFacts } from './computed-facts.js';
import { pack, unpack } from './packing.js';

/**
 * Versions whose computed facts stay compiled. Compiled, the invoice pilot's 38 expressions are about 750
 * closures and their contexts, 75 KB a version when its expressions are its own; their source, deflated, is
 * 3 KB. A version outside this set compiles them again on its next decision: about 0.6 ms for the pilot, once
 * (docs/adr/0013). Twice the busy versions whose rules are written out (hot-programs.ts), since this costs more
 * to come back from than an explanation (HOT_EXPLANATIONS).
 */
export const HOT_COMPUTED_FACTS = 128;

const compiledNow = new LRUCache<PackedComputedFacts, ComputeFacts>({ max: HOT_COMPUTED_FACTS });

/**
 * A version's computed facts: compiled while the version is among the HOT_COMPUTED_FACTS that decided last,
 * kept as deflated source otherwise. A version is hot from the moment it is prepared.
 */
export class PackedComputedFacts {
  private readonly packed: Uint8Array;

  constructor(definitions: readonly ComputedFact[], foundNames: readonly string[]) {
    this.packed = pack([definitions.map(({ name, expression }) => [name, expression]), foundNames]);
    compiledNow.set(this, compileComputedFacts(definitions, foundNames));
  }

  /** The compiled computed facts; compiles them again on first use after the version went cold. */
  get compute(): ComputeFacts {
    let compute = compiledNow.get(this);
    if (!compute) {
      const [source, foundNames] = unpack<[[name: string, expression: string][], string[]]>(this.packed);
      compute = compileComputedFacts(
        source.map(([name, expression]) => ({ name, expression })),
        foundNames,
      );
      compiledNow.set(this, compute);
    }
    return compute;
  }

  /** Whether the computed facts are compiled now (tests). */
  get isCompiled(): boolean {
    return compiledNow.has(this);
  }

  /** Lets every version go cold (tests). */
  static coolAll(): void {
    compiledNow.clear();
  }
}

/** How many versions have their computed facts compiled now (`/metrics`). */
export function compiledComputedFactsCount(): number {
  return compiledNow.size;
}

/**
 * A version's computed facts as one function. With none, only the lookups' rows pass through: that function is
 * small, so it is kept compiled rather than packed.
 */
export function tieredComputeFacts(definitions: readonly ComputedFact[], foundNames: readonly string[]): ComputeFacts {
  if (definitions.length === 0) return compileComputedFacts(definitions, foundNames);
  const packed = new PackedComputedFacts(definitions, foundNames);
  return (facts, found) => packed.compute(facts, found);
}
