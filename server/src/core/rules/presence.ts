/** A factory for the "plan is missing" rules (CM010, CM011, CM013), which differ only in field and words. */
import type { DocumentRule, Severity } from './types';
import type { FieldKey } from '../fields';
import { fieldInfo } from '../fields';
import { isSeeBelow } from '../values';
import { missingFieldFixes } from '../actions/field-fixes';
import { pseudoHeadingFix } from '../actions/pseudo-heading-fix';
import { pseudoHeadingNote } from '../pseudo-headings';
import { emergencyStillOpen, emptyItemText, insertFieldData, missingRange, strayNote } from './util';

/** Builds a rule that reports a missing field (header value or `##` section). */
export function presenceRule(spec: {
  id: string;
  name: string;
  severity: Severity;
  field: FieldKey;
  docs: string;
  advice: string;
}): DocumentRule {
  const info = fieldInfo(spec.field);
  return {
    id: spec.id,
    name: spec.name,
    severity: spec.severity,
    scope: 'document',
    docs: spec.docs,
    fixes: (ctx) => [...pseudoHeadingFix(ctx), ...missingFieldFixes(ctx)],
    check(ctx) {
      const { doc } = ctx;
      const state = ctx.field(spec.field);
      if (state.present) return [];
      const seeBelow = state.item && isSeeBelow(state.item.value);
      const open = emergencyStillOpen(doc);
      const bold = doc.pseudoHeadings?.find((p) => p.key === spec.field);
      const note = bold ? pseudoHeadingNote(bold) : '';
      return [
        {
          range: state.item?.range ?? missingRange(doc),
          message:
            (seeBelow
              ? `"${info.name}" says "see below" but there is no non-empty \`## ${info.name}\` section.${note} `
              : state.item
                ? `${emptyItemText(info.name, state.item.value)}.${note} `
                : `No ${info.name.toLowerCase()}.${strayNote(doc, spec.field)}${note} `) +
            spec.advice +
            (open ? ' (Emergency change: document it once the incident is under control.)' : ''),
          data: {
            ...(state.item ? { fix: 'fillValue', field: spec.field } : insertFieldData(spec.field)),
            ...(bold ? { pseudoHeading: spec.field } : {}),
          },
          atMostWarning: open,
        },
      ];
    },
  };
}
