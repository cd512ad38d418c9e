import type { Words } from './words.js';

/** What the static analysis of a rule-set version reports (docs/adr/0025-static-analysis.md). */
export type FindingKind =
  | 'overlap'
  | 'default_row'
  | 'gap'
  | 'unreachable'
  | 'contradiction'
  | 'subsumed'
  | 'type_mismatch'
  | 'unknown_fact'
  | 'outcome_typo';
export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  kind: FindingKind;
  severity: Severity;
  /** JSON pointer into the version's content, e.g. /definition/rows/3/cells/amount. */
  path: string;
  /** The English of `text`, as the API first gave it. */
  message: string;
  text: Words;
}

/** A question the analysis could not decide, and why: never read as "ok". */
export interface NotChecked {
  path: string;
  /** The English of `text`. */
  reason: string;
  text: Words;
}

export interface Analysis {
  findings: Finding[];
  /** What was examined, in English; `checkedText` has each in French and English. */
  checked: string[];
  checkedText: Words[];
  notChecked: NotChecked[];
}

/** Collects findings and undecided questions while the checks run. */
export class Report {
  readonly findings: Finding[] = [];
  private readonly checked: Words[] = [];
  readonly notChecked: NotChecked[] = [];
  private readonly seen = new Set<string>();

  /** Says what the analysis examined. */
  examined(text: Words): void {
    this.checked.push(text);
  }

  add(kind: FindingKind, severity: Severity, path: string, text: Words): void {
    const id = `${kind}|${path}|${text.en}`;
    if (this.seen.has(id)) return;
    this.seen.add(id);
    this.findings.push({ kind, severity, path, message: text.en, text });
  }

  skip(path: string, text: Words): void {
    const id = `skip|${path}|${text.en}`;
    if (this.seen.has(id)) return;
    this.seen.add(id);
    this.notChecked.push({ path, reason: text.en, text });
  }

  result(): Analysis {
    return {
      findings: this.findings,
      checked: this.checked.map((t) => t.en),
      checkedText: this.checked,
      notChecked: this.notChecked,
    };
  }
}

/** A JSON pointer from its tokens (RFC 6901 escapes). */
export function pointer(...tokens: (string | number)[]): string {
  // Escaped only where needed: every cell of a long table has a pointer, and few tokens hold ~ or /.
  let out = '';
  for (const token of tokens) {
    const t = String(token);
    out += '/' + (t.includes('~') || t.includes('/') ? t.replace(/~/g, '~0').replace(/\//g, '~1') : t);
  }
  return out;
}
