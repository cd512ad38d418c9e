import { useCallback, useEffect, useMemo, useState } from 'react';
import { useLogout } from 'react-admin';
import { toProblem, type Problem } from '../common/api-error';
import { httpClient } from '../dataProvider';
import { changesBetween, type Change } from './editor/conflict';
import { dropStash, readStash, stashEdit, type StashedEdit } from './editor/draft-stash';

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
  const logout = useLogout();
  const [base, setBase] = useState<Loaded | undefined>();
  const [content, setContent] = useState<RulesetContent | undefined>();
  const [problem, setProblem] = useState<Problem | undefined>();
  const [conflict, setConflict] = useState<{ current: Loaded; changes: Change[] } | undefined>();
  const [restorable, setRestorable] = useState<StashedEdit<RulesetContent> | undefined>();
  const [saving, setSaving] = useState(false);

  const reload = useCallback(async () => {
    const loaded = await load(key);
    setBase(loaded);
    setContent(loaded.content);
    setConflict(undefined);
    setProblem(undefined);
    return loaded;
  }, [key]);

  useEffect(() => {
    void reload()
      .then((loaded) => {
        const stash = readStash<RulesetContent>('rulesets', key);
        if (stash && !same(stash.content, loaded.content)) setRestorable(stash);
      })
      .catch((err: unknown) => setProblem(toProblem(err)));
  }, [key, reload]);

  const dirty = useMemo(() => !!base && !!content && !same(base.content, content), [base, content]);

  const edit = useCallback(
    (next: RulesetContent) => {
      setContent(next);
      if (base) stashEdit('rulesets', key, { content: next, baseEtag: base.etag });
    },
    [base, key],
  );

  const save = useCallback(
    async (ifMatch?: string) => {
      if (!base || !content) return;
      setSaving(true);
      setProblem(undefined);
      const changed = Object.fromEntries(Object.entries(content).filter(([field, value]) => !same(value, base.content[field as keyof RulesetContent])));
      try {
        await httpClient(`/api/v1/rulesets/${key}/draft`, { method: 'PUT', headers: new Headers({ 'If-Match': ifMatch ?? base.etag, 'Content-Type': 'application/json' }), body: JSON.stringify(changed) });
        dropStash('rulesets', key);
        await reload();
        return true;
      } catch (err) {
        const found = toProblem(err);
        if (found.status === 401) {
          // The edit is already stashed; after signing in, react-admin brings the analyst back here to restore it.
          await logout({}, undefined, true);
        } else if (found.error === 'stale_etag') {
          const current = await load(key);
          setConflict({ current, changes: changesBetween(base.content, current.content) });
        } else setProblem(found);
        return false;
      } finally {
        setSaving(false);
      }
    },
    [base, content, key, logout, reload],
  );

  return {
    base,
    content,
    dirty,
    saving,
    problem,
    conflict,
    restorable,
    edit,
    save,
    clearProblem: () => setProblem(undefined),
    /** Keep my version: save it over the other person's, now that they were shown what they would lose. */
    overwrite: () => conflict && save(conflict.current.etag),
    /** Take their version: my edit stays stashed in the browser until discarded. */
    takeTheirs: () => void reload(),
    restore: () => {
      if (restorable) setContent(restorable.content);
      setRestorable(undefined);
    },
    discardRestorable: () => {
      dropStash('rulesets', key);
      setRestorable(undefined);
    },
  };
}
