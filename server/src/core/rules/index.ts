/**
 * The rule catalogue (SPEC section 4), in ID order. Adding a rule: write `cmNNN-name.ts`, add it
 * here, document it in docs/rules.md under `<a id="cmNNN">`, and add test/unit/rules/cmNNN.test.ts.
 */
import type { Rule } from './types';
import { headerMissing } from './cm001-header-missing';
import { fieldMissing } from './cm002-field-missing';
import { valueInvalid } from './cm003-value-invalid';
import { fieldDuplicate } from './cm004-field-duplicate';
import { timeInvalid } from './cm005-time-invalid';
import { fieldUnknown } from './cm006-field-unknown';
import { suppressionInvalid } from './cm007-suppression-invalid';
import { rollbackMissing } from './cm010-rollback-missing';
import { verificationMissing } from './cm011-verification-missing';
import { ownerNotAPerson } from './cm012-owner-not-a-person';
import { impactMissing } from './cm013-impact-missing';
import { standardNotLowRisk } from './cm014-standard-not-low-risk';
import { windowMissing } from './cm015-window-missing';
import { personUnknown } from './cm016-person-unknown';
import { serviceUnknown } from './cm017-service-unknown';
import { approvalMissing } from './cm020-approval-missing';
import { selfApproval } from './cm021-self-approval';
import { approversMany } from './cm022-approvers-many';
import { incidentMissing } from './cm023-incident-missing';
import { transitionInvalid } from './cm030-transition-invalid';
import { statusLogMismatch } from './cm031-status-log-mismatch';
import { logOutOfOrder } from './cm032-log-out-of-order';
import { outcomeMissing } from './cm033-outcome-missing';
import { rollbackReasonMissing } from './cm034-rollback-reason-missing';
import { changeStale } from './cm036-change-stale';
import { statusLogMissing } from './cm037-status-log-missing';
import { windowConflict } from './cm040-window-conflict';
import { windowInFreeze } from './cm041-window-in-freeze';
import { changeUnregistered } from './cm050-change-unregistered';

export type { Rule, DocumentRule, SetRule, RepoRule, Finding, Severity, RuleOptions, SetMember, RepoChangeInput, RepoFinding, ChangedFile, CatalogComponent } from './types';

/** Every rule, in ID order. */
export const RULES: readonly Rule[] = [
  headerMissing,
  fieldMissing,
  valueInvalid,
  fieldDuplicate,
  timeInvalid,
  fieldUnknown,
  suppressionInvalid,
  rollbackMissing,
  verificationMissing,
  ownerNotAPerson,
  impactMissing,
  standardNotLowRisk,
  windowMissing,
  personUnknown,
  serviceUnknown,
  approvalMissing,
  selfApproval,
  approversMany,
  incidentMissing,
  transitionInvalid,
  statusLogMismatch,
  logOutOfOrder,
  outcomeMissing,
  rollbackReasonMissing,
  changeStale,
  statusLogMissing,
  windowConflict,
  windowInFreeze,
  changeUnregistered,
];

const byKey = new Map<string, Rule>();
for (const r of RULES) {
  byKey.set(r.id.toLowerCase(), r);
  byKey.set(r.name, r);
}

/** A rule by ID (`CM010`, any case) or name (`rollback-missing`). */
export function ruleByKey(key: string): Rule | undefined {
  return byKey.get(key.trim().toLowerCase());
}
