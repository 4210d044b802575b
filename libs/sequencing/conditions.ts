import type { ConditionKind } from '@relance/db/entities/step.entity';

/** What the prospect did with the emails of their enrollment from a condition's `sinceStep` on. */
export interface ConditionFacts {
  opened: boolean;
  clicked: boolean;
  replied: boolean;
}

/** Whether a condition step holds, given the facts read from the database. */
export function conditionHolds(kind: ConditionKind, facts: ConditionFacts): boolean {
  switch (kind) {
    case 'opened':
      return facts.opened;
    case 'clicked':
      return facts.clicked;
    case 'replied':
      return facts.replied;
    case 'not_replied':
      return !facts.replied;
  }
}
