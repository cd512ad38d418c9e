import { useCallback, useEffect, useMemo, useState } from 'react';
import { toProblem, type Problem } from '../common/api-error';
import { useEditStash } from '../common/use-edit-stash';
import { httpClient } from '../dataProvider';
import { changesBetween, type Change } from './editor/conflict';

/** The parts of a rule set version an analyst edits. */
export interface RulesetContent {
  inputSchema: Record<string, unknown>;
  definition: Record<string, unknown>;
  tests?: unknown[];
  computedFacts?: { name: string; expression: string }[];
  lookups?: { fact: string; table: string }[];
  settings?: Record<string, unknown>;
}
export interface Loaded {
  etag: string;
  format: string;
  name: string;
  /** The version the editor shows: the draft if there is one, else the version in force (saving starts a draft from it). */
  version: number;
  draftVersion: number | null;
  content: RulesetContent;
}

async function load(key: string): Promise<Loaded> {
  const { json, headers } = await httpClient(`/api/v1/rulesets/${key}`);
  const record = json as { format: string; name: string; draftVersion: number | null; activeVersion: number | null; latestVersion: number };
  const version = record.draftVersion ?? record.activeVersion ?? record.latestVersion;
  const { json: versionJson } = await httpClient(`/api/v1/rulesets/${key}/versions/${version}`);
  return { etag: headers.get('etag') ?? '', format: record.format, name: record.name, version, draftVersion: record.draftVersion, content: (versionJson as { content: RulesetContent }).content };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Loads a rule set's draft (or the version in force), keeps the analyst's edits in the browser as they go, and saves
 * them with If-Match: a stale ETag becomes a conflict listing what the other person changed, never an overwrite, and
 * an expired session sends the analyst to sign in with the edit kept for their return.
 */
export function useRulesetDraft(key: string) {
  const [base, setBase] = useState<Loaded | undefined>();
  const [content, setContent] = useState<RulesetContent | undefined>();
  const [problem, setProblem] = useState<Problem | undefined>();
  const [conflict, setConflict] = useState<{ current: Loaded; changes: Change[] } | undefined>();
  const [saving, setSaving] = useState(false);
  const stash = useEditStash('rulesets', key, base?.content, content, base?.etag ?? '');

  const reload = useCallback(async () => {
    const loaded = await load(key);
    setBase(loaded);
    setContent(loaded.content);
    setConflict(undefined);
    setProblem(undefined);
    return loaded;
  }, [key]);

  useEffect(() => {
    reload().catch((err: unknown) => setProblem(toProblem(err)));
  }, [reload]);

  const dirty = useMemo(() => !!base && !!content && !same(base.content, content), [base, content]);

  const edit = useCallback((next: RulesetContent) => setContent(next), []);

  const save = useCallback(
    async (ifMatch?: string) => {
      if (!base || !content) return;
      setSaving(true);
      setProblem(undefined);
      const changed = Object.fromEntries(Object.entries(content).filter(([field, value]) => !same(value, base.content[field as keyof RulesetContent])));
      try {
        await httpClient(`/api/v1/rulesets/${key}/draft`, { method: 'PUT', headers: new Headers({ 'If-Match': ifMatch ?? base.etag, 'Content-Type': 'application/json' }), body: JSON.stringify(changed) });
        stash.saved();
        await reload();
        return true;
      } catch (err) {
        const found = toProblem(err);
        // The edit is kept in the browser; after signing in, react-admin brings the analyst back here to restore it.
        if (await stash.sessionExpired(found)) return false;
        if (found.error === 'stale_etag') {
          const current = await load(key);
          setConflict({ current, changes: changesBetween(base.content, current.content) });
        } else setProblem(found);
        return false;
      } finally {
        setSaving(false);
      }
    },
    [base, content, key, stash, reload],
  );

  return {
    base,
    content,
    dirty,
    saving,
    problem,
    conflict,
    restorable: stash.restorable,
    edit,
    save,
    clearProblem: () => setProblem(undefined),
    /** Keep my version: save it over the other person's, now that they were shown what they would lose. */
    overwrite: () => conflict && save(conflict.current.etag),
    /** Take their version: my edit stays stashed in the browser until discarded. */
    takeTheirs: () => void reload(),
    restore: () => {
      const kept = stash.take();
      if (kept) setContent(kept);
    },
    discardRestorable: stash.discard,
  };
}
