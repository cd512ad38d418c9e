import { useCallback, useEffect, useState } from 'react';
import { toProblem, type Problem } from '../common/api-error';
import type { VersionRecord } from '../common/lifecycle/version-actions';
import { httpClient } from '../dataProvider';
import type { PromptContent } from './draft-form';

export interface PromptRecord {
  id: string;
  key: string;
  name: string;
  pilot: string;
  activeVersion: number | null;
  draftVersion: number | null;
  latestVersion: number;
  versions: VersionRecord[];
  updatedAt?: string;
}

export interface LoadedDraft {
  prompt: PromptRecord;
  /** The ETag read with the prompt: a save sends it back as If-Match, so a concurrent change is refused (412). */
  etag: string;
  /** The draft's number, or the version a new draft starts from when there is none yet. */
  version: number;
  isDraft: boolean;
  content: PromptContent;
}

/** Reads a prompt's draft (or the version a draft would start from) with its ETag, and saves with If-Match. */
export function useDraft(key: string | undefined) {
  const [loaded, setLoaded] = useState<LoadedDraft | undefined>();
  const [loadProblem, setLoadProblem] = useState<Problem | undefined>();

  const load = useCallback(async (): Promise<LoadedDraft | undefined> => {
    if (!key) return undefined;
    try {
      const { json, headers } = await httpClient(`/api/v1/prompts/${encodeURIComponent(key)}`);
      const prompt = json as PromptRecord;
      const version = prompt.draftVersion ?? prompt.activeVersion ?? prompt.latestVersion;
      const read = await httpClient(`/api/v1/prompts/${encodeURIComponent(key)}/versions/${version}`);
      const next = { prompt, etag: headers.get('etag') ?? '', version, isDraft: prompt.draftVersion !== null, content: (read.json as { content: PromptContent }).content };
      setLoaded(next);
      setLoadProblem(undefined);
      return next;
    } catch (err) {
      setLoadProblem(toProblem(err));
      return undefined;
    }
  }, [key]);

  useEffect(() => {
    void load();
  }, [load]);

  /** Saves the changed fields; resolves with the new draft number, or rejects with the API's problem. */
  const save = useCallback(
    async (payload: Record<string, unknown>): Promise<number> => {
      if (!key || !loaded) throw new Error('not loaded');
      const { json, headers } = await httpClient(`/api/v1/prompts/${encodeURIComponent(key)}/draft`, { method: 'PUT', body: JSON.stringify(payload), headers: { 'If-Match': loaded.etag, Accept: 'application/json' } });
      const prompt = json as PromptRecord;
      const version = prompt.draftVersion ?? loaded.version;
      setLoaded({ prompt, etag: headers.get('etag') ?? loaded.etag, version, isDraft: true, content: { ...loaded.content, ...payload } as PromptContent });
      return version;
    },
    [key, loaded],
  );

  return { loaded, loadProblem, load, save };
}
