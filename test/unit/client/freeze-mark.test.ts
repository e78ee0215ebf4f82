import * as assert from 'node:assert/strict';
import { describeChange, freezeDetails, freezeMark } from '../../../client/src/changes/describe';
import { parseConfig } from '../../../server/src/core/config';
import { summarize } from '../../../server/src/core/summary';
import type { ChangeListItem } from '../../../server/src/protocol';
import { check, doc, editLine, VALID_NORMAL } from '../../helpers/doc';

/** A tree item as the server builds it: the summary of the document and its diagnostics. */
function listed(text: string, freezes: unknown[], rules: Record<string, string> = {}): ChangeListItem {
  const { config } = parseConfig(JSON.stringify({ freezes, rules }));
  return { ...summarize(doc(text).doc, check(text, config)), uri: 'file:///ws/changes/x.md', allowedNext: [] };
}

const DECEMBER = { name: 'December  freeze', start: '2026-12-01 00:00 UTC', end: '2026-12-02 00:00 UTC' };

describe('client: a change planned into a freeze is marked in the tree', () => {
  it('marks it from its CM041 diagnostic: description and tooltip name the freeze and its end', () => {
    const c = listed(VALID_NORMAL, [DECEMBER]);
    assert.deepEqual(c.freezes, [
      { name: 'December  freeze', start: '2026-12-01T00:00:00.000Z', end: '2026-12-02T00:00:00.000Z' },
    ]);
    assert.equal(
      describeChange(c),
      'Normal · High risk · @alice · 2026-12-01 14:00–15:00 UTC · ❄ in freeze "December freeze"',
    );
    assert.equal(freezeDetails(c), '"December  freeze" until 2026-12-02 00:00 UTC');
    assert.equal(c.problems.errors, 1);
  });

  it('does not mark an allowed Emergency change, a change outside the freeze, or one whose CM041 is off', () => {
    assert.equal(
      freezeMark(
        listed(editLine(VALID_NORMAL, '- Change type:', '- Change type: Emergency\n- Incident: INC-1'), [DECEMBER]),
      ),
      undefined,
    );
    assert.equal(
      freezeMark(listed(VALID_NORMAL, [{ ...DECEMBER, start: '2026-12-03 00:00 UTC', end: '2026-12-04 00:00 UTC' }])),
      undefined,
    );
    assert.equal(freezeMark(listed(VALID_NORMAL, [DECEMBER], { CM041: 'off' })), undefined);
    assert.equal(describeChange(listed(VALID_NORMAL, [])), 'Normal · High risk · @alice · 2026-12-01 14:00–15:00 UTC');
  });

  it('names every freeze once', () => {
    const c = listed(VALID_NORMAL, [
      DECEMBER,
      { name: 'DB', start: '2026-12-01 14:30 UTC', end: '2026-12-01 20:00 UTC' },
    ]);
    assert.equal(freezeMark(c), '❄ in freeze "December freeze", "DB"');
  });
});
