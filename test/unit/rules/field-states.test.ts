/**
 * The field states the engine gives every rule (`DocumentContext.field`, rules/field-states.ts),
 * read in one pass over the header, must equal `fieldState` of model.ts for every field.
 */
import { strict as assert } from 'node:assert';
import { FIELD_KEYS } from '../../../server/src/core/fields';
import { analyze, fieldState } from '../../../server/src/core/model';
import { FieldStates } from '../../../server/src/core/rules/field-states';
import { generateCorpus } from '../../../scripts/bench/corpus';
import { generateRealisticCorpus } from '../../../scripts/bench/realistic-corpus';
import { VALID_NORMAL } from '../../helpers/doc';
import { withLine } from './support';

describe('field states (rules/field-states.ts)', () => {
  it('equal fieldState for every field, on both corpora and on duplicates, placeholders and sections', () => {
    const texts = [
      ...generateCorpus(120, { seed: 3 }).map((d) => d.text),
      ...generateRealisticCorpus(200, { seed: 9 }).map((d) => d.text),
      VALID_NORMAL,
      withLine('- Risk level', '- Risk level: TBD\n- Risk: High\n- Risk level: see below'),
      withLine('- Rollback plan', '- Rollback plan: see below'),
      withLine('- Change type', '- Change type:'),
      '# No header\n\nJust prose.\n',
    ];
    let present = 0;
    for (const text of texts) {
      const { doc } = analyze(text, 'changes/x.md');
      const states = new FieldStates(doc);
      for (const key of FIELD_KEYS) {
        const want = fieldState(doc, key);
        // Asked twice: the second answer is the remembered one.
        assert.deepStrictEqual(states.get(key), want, `${key} of ${text.slice(0, 60)}`);
        assert.deepStrictEqual(states.get(key), want);
        if (want.present) present++;
      }
    }
    assert.ok(present > 1000, 'the corpora hold present fields');
  });
});
