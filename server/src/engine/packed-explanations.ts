import { LRUCache } from 'lru-cache';
import type { RuleExplanation } from './compile.js';
import { pack, unpack } from './packing.js';

/**
 * Versions whose explanations stay inflated. A decision that is logged or explained reads its version's
 * explanations every time, so the versions in use keep theirs; a thousand cached ones do not (docs/adr/0013).
 * An entry keeps its version alive until it falls out: at most this many, about 20 KB each on the invoice pilot.
 * As many as the busy versions whose rules are written out (hot-programs.ts): 256 held 5 MB for versions that
 * had decided once.
 */
export const HOT_EXPLANATIONS = 64;

const inflated = new LRUCache<PackedExplanations, Map<string, RuleExplanation>>({ max: HOT_EXPLANATIONS });

/**
 * A version's per-rule explanations (bilingual templates, tree paths), kept deflated: they are most of the
 * text a cached version holds, French strings weigh two bytes a character, and only hot versions read them.
 * Serialized with `v8.serialize`, so what comes back is what was given.
 */
export class PackedExplanations {
  private readonly packed: Uint8Array;

  constructor(explanations: Map<string, RuleExplanation>) {
    this.packed = pack([...explanations]);
  }

  /** A rule's explanation by rule name; inflates the version's explanations on first use after it went cold. */
  get(name: string): RuleExplanation | undefined {
    let table = inflated.get(this);
    if (!table) {
      table = new Map(unpack<[string, RuleExplanation][]>(this.packed));
      inflated.set(this, table);
    }
    return table.get(name);
  }

  /** Whether the explanations are inflated now (tests). */
  get isInflated(): boolean {
    return inflated.has(this);
  }

  /** Lets every version go cold (tests). */
  static coolAll(): void {
    inflated.clear();
  }
}
