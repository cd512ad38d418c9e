/** What the static analysis of a rule-set version reports (docs/adr/0025-static-analysis.md). */
export type FindingKind =
  'overlap' | 'gap' | 'unreachable' | 'contradiction' | 'subsumed' | 'type_mismatch' | 'unknown_fact';
export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  kind: FindingKind;
  severity: Severity;
  /** JSON pointer into the version's content, e.g. /definition/rows/3/cells/amount. */
  path: string;
  message: string;
}

/** A question the analysis could not decide, and why: never read as "ok". */
export interface NotChecked {
  path: string;
  reason: string;
}

export interface Analysis {
  findings: Finding[];
  /** What was examined, in words. */
  checked: string[];
  notChecked: NotChecked[];
}

/** Collects findings and undecided questions while the checks run. */
export class Report {
  readonly findings: Finding[] = [];
  readonly checked: string[] = [];
  readonly notChecked: NotChecked[] = [];
  private readonly seen = new Set<string>();

  add(kind: FindingKind, severity: Severity, path: string, message: string): void {
    const id = `${kind}|${path}|${message}`;
    if (this.seen.has(id)) return;
    this.seen.add(id);
    this.findings.push({ kind, severity, path, message });
  }

  skip(path: string, reason: string): void {
    const id = `skip|${path}|${reason}`;
    if (this.seen.has(id)) return;
    this.seen.add(id);
    this.notChecked.push({ path, reason });
  }

  result(): Analysis {
    return { findings: this.findings, checked: this.checked, notChecked: this.notChecked };
  }
}

/** A JSON pointer from its tokens (RFC 6901 escapes). */
export function pointer(...tokens: (string | number)[]): string {
  return tokens.map((t) => '/' + String(t).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}
