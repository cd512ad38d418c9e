export interface PromptMeta {
  name: string;
  pilot: string;
}

/** An offline check of the rendered prompt; `needsModel` cases also check the answer when a model is configured. */
export interface PromptTest {
  name: string;
  variables: Record<string, unknown>;
  expect: { contains?: string[]; notContains?: string[]; maxLength?: number };
  needsModel?: boolean;
}

/** What a prompt version holds; its canonical JSON gives the checksum. */
export interface PromptContent {
  locale: 'fr' | 'en';
  template: string;
  system?: string;
  model: string;
  maxTokens: number;
  stopSequences?: string[];
  variablesSchema: Record<string, unknown>;
  tests?: PromptTest[];
  /** Publication gates: `requireEvaluation` asks for a passing evaluation run on the version's checksum (ADR 0031). */
  settings?: { requireEvaluation?: { set: string; minPassRate: number } };
}
