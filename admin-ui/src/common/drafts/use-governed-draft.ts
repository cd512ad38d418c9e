import { useCallback, useEffect, useMemo, useState } from 'react';
import { toProblem, type Problem } from '../api-error';
import { useEditStash } from '../use-edit-stash';
import { dataProvider, type DraftRead } from '../../dataProvider';
import { changesBetween, type Change } from './conflict';

export type GovernedResource = 'rulesets' | 'prompts' | 'experiments';

/** What every governed resource's GET /{resource}/{key} says about its versions. */
export interface GovernedRecord {
  key: string;
  name: string;
  activeVersion: number | null;
  draftVersion: number | null;
  latestVersion: number;
  /** Archived (a stopped experiment, an archived rule set or prompt): it can no longer change. */
  archived?: boolean;
  /** The draft's row says its revision, which a submission from the editor names. */
  versions?: { number: number; revision?: number; status?: string }[];
}

/** The draft as read, with the ETag a save sends back as If-Match (a concurrent change is refused, 412). */
export type LoadedDraft<Content, Record extends GovernedRecord> = DraftRead<Content, Record>;

/** How one editor turns a version's content into what it edits, and what it edits into a draft update. */
export interface DraftShape<Content, Editing> {
  fromContent: (content: Content) => Editing;
  /** The PUT …/draft body for what changed, or the editor's own errors by field (nothing is sent then). */
  toPayload: (editing: Editing, base: Editing) => { payload: object } | { errors: Partial<Record<string, string>> };
}

export type SaveOutcome =
  { saved: true; version: number } | { saved: false; errors?: Partial<Record<string, string>>; problem?: Problem };

/**
 * An archived resource's editor, opened by its address (a bookmark, the history), says it can no longer change
 * instead of showing a form whose every save the API refuses (409 `archived`).
 */
const ARCHIVED: Problem = {
  status: 409,
  error: 'archived',
  message: 'This item is archived: it can no longer change.',
  details: [],
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

// The data provider itself rather than useDataProvider(): that one signs out on a 401 before this hook has
// kept the unsaved edit for the user's return (useEditStash does it, then signs out).
const load = <Content, Record extends GovernedRecord>(resource: GovernedResource, key: string) =>
  dataProvider.getDraft<Content, Record>(resource, key);

/**
 * One draft editor's state for any governed resource: loads the draft (or the version a draft starts from),
 * keeps the edit in the browser as it goes, and saves the changed fields with If-Match. A stale ETag becomes
 * a conflict listing what the other person changed (never an overwrite), and an expired session sends the
 * user to sign in with the edit kept for their return.
 */
export function useGovernedDraft<Content, Editing extends object, Record extends GovernedRecord = GovernedRecord>(
  resource: GovernedResource,
  key: string | undefined,
  shape: DraftShape<Content, Editing>,
) {
  const [base, setBase] = useState<LoadedDraft<Content, Record> | undefined>();
  const [baseEditing, setBaseEditing] = useState<Editing | undefined>();
  const [editing, setEditing] = useState<Editing | undefined>();
  const [problem, setProblem] = useState<Problem | undefined>();
  const [conflict, setConflict] = useState<{ current: LoadedDraft<Content, Record>; changes: Change[] } | undefined>();
  const [saving, setSaving] = useState(false);
  const { fromContent, toPayload } = shape;
  const stash = useEditStash(resource, key ?? '', baseEditing, editing, base?.etag ?? '');

  const reload = useCallback(async () => {
    if (!key) return undefined;
    try {
      const loaded = await load<Content, Record>(resource, key);
      if (loaded.record.archived) {
        setProblem(ARCHIVED);
        return undefined;
      }
      setBase(loaded);
      setBaseEditing(fromContent(loaded.content));
      setEditing(fromContent(loaded.content));
      setConflict(undefined);
      setProblem(undefined);
      return loaded;
    } catch (err) {
      setProblem(toProblem(err));
      return undefined;
    }
    // fromContent is a pure function of the content: a new one at each render must not reload the draft.
  }, [resource, key]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const dirty = useMemo(
    () => baseEditing !== undefined && editing !== undefined && !same(baseEditing, editing),
    [baseEditing, editing],
  );

  /** Saves what changed; `values` stands in for the state when a form keeps its own (react-admin's forms). */
  const save = useCallback(
    async (options: { ifMatch?: string; values?: Editing } = {}): Promise<SaveOutcome> => {
      const current = options.values ?? editing;
      if (!key || !base || !baseEditing || !current) return { saved: false };
      const built = toPayload(current, baseEditing);
      if ('errors' in built) return { saved: false, errors: built.errors };
      setSaving(true);
      setProblem(undefined);
      try {
        await dataProvider.updateDraft(resource, { id: key, data: built.payload, etag: options.ifMatch ?? base.etag });
        stash.saved();
        const reloaded = await reload();
        return { saved: true, version: reloaded?.version ?? base.version };
      } catch (err) {
        const found = toProblem(err);
        // The edit is kept in the browser; after signing in, react-admin brings the user back here to restore it.
        if (await stash.sessionExpired(found)) return { saved: false };
        if (found.error === 'stale_etag') {
          const theirs = await load<Content, Record>(resource, key);
          setConflict({ current: theirs, changes: changesBetween(baseEditing, fromContent(theirs.content)) });
          return { saved: false };
        }
        setProblem(found);
        return { saved: false, problem: found };
      } finally {
        setSaving(false);
      }
    },
    [resource, key, base, baseEditing, editing, stash, reload],
  );

  return {
    base,
    /** What the editor started from, in its own form (the comparison point for `dirty` and the conflict). */
    baseEditing,
    editing,
    dirty,
    saving,
    problem,
    conflict,
    restorable: stash.restorable,
    edit: setEditing as (next: Editing) => void,
    save,
    reload,
    clearProblem: () => setProblem(undefined),
    /** Keep my version: save it over the other person's, now that they were shown what they would lose. */
    overwrite: (values?: Editing) => (conflict ? save({ ifMatch: conflict.current.etag, values }) : undefined),
    /** Take their version: my edit stays stashed in the browser until discarded. */
    takeTheirs: () => void reload(),
    /** The edit kept from an earlier visit, once; the editor puts it back in its form. */
    restore: () => {
      const kept = stash.take();
      if (kept) setEditing(kept);
      return kept;
    },
    discardRestorable: stash.discard,
  };
}
