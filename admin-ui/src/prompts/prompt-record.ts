import type { VersionRecord } from '../common/lifecycle/version-actions';

/** A prompt as GET /api/v1/prompts/{key} returns it (what its screens read). */
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
