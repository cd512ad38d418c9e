import { Inject, Injectable } from '@nestjs/common';
import type { Validator } from '../../common/json/schema-validators.js';
import { LRUCache } from 'lru-cache';
import { Gauge } from 'prom-client';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.schema.js';
import { timeSlices } from '../../common/async/time-slices.js';
import { ClearingMemo } from '../../common/memo/clearing-memo.js';
import { prepareInTurns, type DynamicFact, type PreparedVersion } from '../../engine/evaluate.js';
import { expressionReads } from '../../engine/computed-facts.js';
import { release, writtenOutCounts } from '../../engine/hot-programs.js';
import { compiledComputedFactsCount, HOT_COMPUTED_FACTS } from '../../engine/packed-computed-facts.js';
import { forgetTraceTable } from '../../engine/trace-table.js';
import { HttpMetrics } from '../../common/metrics/http-metrics.js';
import { ReferenceLookups } from '../reference-data/reference-lookups.js';
import { inputValidators } from '../rulesets/input-schemas.js';
import type { RulesetContent } from '../rulesets/ruleset.types.js';
import {
  declaresRead,
  derivedPiiPaths,
  maskedCondition,
  maskFacts,
  maskUndeclared,
  piiPaths,
  touchesPii,
} from './pii.js';
import type { RuleTrace } from '../../engine/trace.js';
import { isLookupKey, LookupKeyError } from './lookup-key-error.js';

export interface PreparedEntry {
  prepared: PreparedVersion;
  validateFacts: Validator;
  piiPaths: string[][];
  /**
   * The caller's facts as a reader without access to personal information sees them: marked fields and, on a
   * version that has any, every member its input schema does not declare (docs/adr/0015).
   */
  maskInput: <T extends Record<string, unknown>>(facts: T) => T;
  /** Rule traces as the same reader sees them: conditions on marked or undeclared fields show `***`. */
  maskTraces: (traces: RuleTrace[]) => RuleTrace[];
  /**
   * Facts the version derives itself (computed facts, lookups): a caller may not send them (docs/adr/0015).
   * One map for every version that derives the same facts.
   */
  derivedFacts: ReadonlyMap<string, DerivedKind>;
  /**
   * The caller's fact paths a computed fact reads, through the computed facts it reads (`totalCheck` reads
   * `total`, which reads `invoice.subtotal`): what a 400 names when a computed fact could not be computed.
   * Undefined for a name that is no computed fact.
   */
  computedReads: (fact: string) => string[][] | undefined;
  /** Only what evaluating reads: a version's schema, tests and definition are not kept twice in memory. */
  content: Pick<RulesetContent, 'settings'>;
}

/**
 * Compiled versions by checksum: content is immutable per checksum, so an entry never goes stale. The least
 * recently used go first past COMPILED_CACHE_SIZE, so memory stays flat. Fact validators are shared by schema
 * (most versions of a rule set keep theirs) in `inputValidators`, bounded on their own.
 */
@Injectable()
export class PreparedVersions {
  private readonly cache: LRUCache<string, PreparedEntry>;
  /** Preparations under way, by checksum. */
  private readonly preparing = new Map<string, Promise<PreparedEntry>>();

  constructor(
    private readonly lookups: ReferenceLookups,
    @Inject(APP_CONFIG) config: AppConfig,
    metrics: HttpMetrics,
  ) {
    const cache = (this.cache = new LRUCache<string, PreparedEntry>({
      max: config.compiledCacheSize,
      // A version written out because it was busy gives up its place with the cache's, and its trace table too.
      dispose: (entry) => {
        release(entry.prepared.program);
        forgetTraceTable(entry.prepared.program);
      },
    }));
    const gauges: [name: string, help: string, value: () => number][] = [
      [
        'gabarit_compiled_versions',
        'Rule set versions compiled and kept in memory (at most COMPILED_CACHE_SIZE)',
        () => cache.size,
      ],
      [
        'gabarit_versions_written_out',
        'Busy versions whose rules run written out as functions (docs/adr/0009; at most 64)',
        () => writtenOutCounts().versions,
      ],
      [
        'gabarit_computed_facts_compiled',
        `Versions whose computed facts are compiled now; the others keep them deflated (docs/adr/0013; at most ${HOT_COMPUTED_FACTS})`,
        compiledComputedFactsCount,
      ],
      [
        'gabarit_rule_write_out_failures',
        'Rules that could not be written out since start (they keep their closures)',
        () => writtenOutCounts().failures,
      ],
    ];
    for (const [name, help, value] of gauges)
      new Gauge({
        name,
        help,
        registers: [metrics.registry],
        collect() {
          this.set(value());
        },
      });
  }

  /** The entry for a checksum if it is already prepared: published content never needs reading again. */
  cached(checksum: string): PreparedEntry | undefined {
    return this.cache.get(checksum);
  }

  /**
   * The entry for a checksum, prepared now if it is not yet: in time slices, since a rule set at the size limit
   * compiles in 20–50 ms (and a large fact schema off the main thread). Requests for a version being prepared
   * wait for that one preparation.
   */
  for(checksum: string, format: string, content: RulesetContent): Promise<PreparedEntry> {
    const entry = this.cache.get(checksum);
    if (entry) return Promise.resolve(entry);
    let pending = this.preparing.get(checksum);
    if (!pending) {
      pending = this.prepare(checksum, format, content).finally(() => this.preparing.delete(checksum));
      this.preparing.set(checksum, pending);
    }
    return pending;
  }

  private async prepare(checksum: string, format: string, content: RulesetContent): Promise<PreparedEntry> {
    const validateFacts = await inputValidators.for(content.inputSchema);
    const computedReads = await readsOfComputedFacts(content);
    const piiPaths = personalPaths(content, computedReads);
    // The validator's copy of the schema, shared by every version with this schema: each version keeping its own
    // (10 KB on the invoice pilot, most of it bilingual titles) weighed a sixth of a cached version.
    const schema: unknown = validateFacts.schema;
    const derivedFacts = sameDerivedFacts([
      ...(content.computedFacts ?? []).map((f) => [f.name, 'computed fact'] as const),
      ...(content.lookups ?? []).map((l) => [l.fact, 'lookup'] as const),
    ]);
    // A condition on a derived fact is masked when the fact comes from personal fields (piiPaths), one on the
    // caller's facts also when the schema does not declare what it reads.
    const hidden = (fact: string, path: string | undefined) =>
      touchesPii(fact, path, piiPaths) || (!derivedFacts.has(fact) && !declaresRead(schema, fact, path));
    const entry: PreparedEntry = {
      prepared: await prepareInTurns(
        timeSlices(),
        format,
        content.definition,
        content.computedFacts ?? [],
        this.lookupFacts(content),
        this.preloadTables(content),
      ),
      validateFacts,
      piiPaths,
      maskTraces:
        piiPaths.length === 0
          ? (traces) => traces
          : (traces) =>
              traces.map((rule) => ({
                ...rule,
                conditions: rule.conditions.map((c) => (hidden(c.fact, c.path) ? maskedCondition(c) : c)),
              })),
      maskInput:
        piiPaths.length === 0 ? (facts) => facts : (facts) => maskUndeclared(maskFacts(facts, piiPaths), schema),
      derivedFacts,
      computedReads: packedReads(inputReadsOfComputedFacts(content, computedReads)),
      content: { ...(content.settings && { settings: content.settings }) },
    };
    this.cache.set(checksum, entry);
    return entry;
  }

  /** Each lookup becomes a dynamic fact: the reference-table row keyed by another fact's value (or null), or with `column` the rows. */
  private lookupFacts(content: RulesetContent): Record<string, DynamicFact> {
    return Object.fromEntries(
      (content.lookups ?? []).map((lookup) => [
        lookup.fact,
        (_params: Record<string, unknown>, factValue: (fact: string, path?: string) => unknown) => {
          const key = lookup.key.fact === undefined ? lookup.key.value : factValue(lookup.key.fact, lookup.key.path);
          if (lookup.key.fact !== undefined && !isLookupKey(key))
            throw new LookupKeyError(lookup.fact, lookup.key.fact);
          return lookup.column === undefined
            ? this.lookups.rowNow(lookup.table, key)
            : this.lookups.rowsNow(lookup.table, lookup.column, key);
        },
      ]),
    );
  }

  /**
   * Loads (or finds cached) the tables the lookups read, and indexes the columns they read by, before each run,
   * so rows are answered synchronously.
   */
  private preloadTables(content: RulesetContent): (() => Promise<void> | undefined) | undefined {
    const lookups = content.lookups ?? [];
    const tables = [...new Set(lookups.map((lookup) => lookup.table))];
    const columns = lookups.flatMap((l) => (l.column === undefined ? [] : [[l.table, l.column] as const]));
    return tables.length > 0 ? () => this.lookups.preload(tables, columns) : undefined;
  }
}

type DerivedKind = 'computed fact' | 'lookup';
const derivedMaps = new ClearingMemo<string, ReadonlyMap<string, DerivedKind>>(2_000);

/** The derived facts' map of another version with the same ones, or this one, kept for the next (bounded). */
function sameDerivedFacts(entries: (readonly [string, DerivedKind])[]): ReadonlyMap<string, DerivedKind> {
  return derivedMaps.get(JSON.stringify(entries), () => new Map(entries));
}

/**
 * The computed facts' reads kept as one JSON text, read back only when a computed fact fails: as a map of
 * arrays they weighed about 8 KB in every cached version of the invoice pilot.
 */
function packedReads(reads: Map<string, string[][]>): (fact: string) => string[][] | undefined {
  const text = JSON.stringify(Object.fromEntries(reads));
  return (fact) => {
    const all = JSON.parse(text) as Record<string, string[][]>;
    return Object.hasOwn(all, fact) ? all[fact] : undefined;
  };
}

/** What each computed fact reads. */
type ComputedReads = { name: string; reads: string[][] }[];

/**
 * Each computed fact's reads, parsed from its expression, giving the event loop a turn when its slice is over:
 * on the first decision after a start, the invoice pilot's 38 expressions were parsed twice in one turn by code
 * not yet compiled (about 10 ms of a 42 ms turn).
 */
async function readsOfComputedFacts(content: RulesetContent): Promise<ComputedReads> {
  const slice = timeSlices();
  const computed: ComputedReads = [];
  for (const { name, expression } of content.computedFacts ?? []) {
    const turn = slice();
    if (turn) await turn;
    computed.push({ name, reads: expressionReads(expression) });
  }
  return computed;
}

/** The input fields marked personal, and the facts the rule set derives from them (computed facts, lookups). */
function personalPaths(content: RulesetContent, computed: ComputedReads): string[][] {
  const input = piiPaths(content.inputSchema);
  if (input.length === 0) return input;
  return [...input, ...derivedPiiPaths(input, computed, content.lookups ?? [])];
}

/** For each computed fact, the input paths it reads, directly or through the computed facts before it. */
function inputReadsOfComputedFacts(content: RulesetContent, computed: ComputedReads): Map<string, string[][]> {
  const lookups = new Set((content.lookups ?? []).map((l) => l.fact));
  const reads = new Map<string, string[][]>();
  for (const { name, reads: paths } of computed) {
    const inputs = paths.flatMap((path) =>
      reads.has(path[0]!) ? reads.get(path[0]!)! : lookups.has(path[0]!) ? [] : [path],
    );
    reads.set(name, inputs);
  }
  return reads;
}
