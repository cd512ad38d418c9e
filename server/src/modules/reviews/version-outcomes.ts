import { Injectable } from '@nestjs/common';
import { outcomesOf } from '../../engine/analysis/outcomes.js';
import { RulesetsService } from '../rulesets/rulesets.service.js';

/** The outcome that hands a case to a person (docs/domain.md): not a decision a reviewer makes. */
export const TO_A_PERSON = 'manual_review';

/** Versions whose outcomes are kept: a reviewers' queue spans a few versions of a few rule sets. */
const KEPT = 256;

/**
 * The outcomes a published rule set version can give, a person's review aside: what a reviewer may decide
 * instead of its automated decision. A published version's content never changes, so each is read once.
 */
@Injectable()
export class VersionOutcomes {
  private readonly known = new Map<string, Promise<string[]>>();

  constructor(private readonly rulesets: RulesetsService) {}

  of(ruleset: string, version: number): Promise<string[]> {
    const key = `${ruleset}\u0000${version}`;
    let outcomes = this.known.get(key);
    if (!outcomes) {
      outcomes = this.read(ruleset, version);
      // A failed read (the database away) is not kept: the next request tries again.
      outcomes.catch(() => this.known.delete(key));
      this.known.set(key, outcomes);
      if (this.known.size > KEPT) this.known.delete(this.known.keys().next().value!);
    }
    return outcomes;
  }

  private async read(ruleset: string, version: number): Promise<string[]> {
    const state = await this.rulesets.state(ruleset);
    const content = await this.rulesets.content(state, version);
    // `manual_review` sends a case to a person: the person deciding a review decides it, and a receipt saying
    // « sent to a staff member for review » after a staff member reviewed it would tell the person nothing.
    return outcomesOf(state.meta.format, content.definition as Record<string, unknown>).filter(
      (outcome) => outcome !== TO_A_PERSON,
    );
  }
}
