import { withLine, WARNING, expectOne, expectNone, rangeIn, type Failing } from './support';
import { VALID_NORMAL } from '../../helpers/doc';

/** A document on which CM007 fires (test/unit/rules/severity.test.ts runs every rule's). */
export const FAILING: Failing = {
  text: withLine('- Change type', '<!-- itsmote-disable-next-line CM013 -->\n- Change type: Normal'),
};

// The directive forms and what they hide are tested in test/unit/suppressions.test.ts.
describe('CM007 suppression-invalid', () => {
  it('does not fire on a directive with a reason', () => {
    expectNone(
      withLine(
        '- Change type',
        '<!-- itsmote-disable-next-line CM013 -- impact is in RFC-42 -->\n- Change type: Normal',
      ),
      'CM007',
    );
  });

  it('fires on a directive without a reason, on the comment', () => {
    const text = (FAILING as { text: string }).text;
    expectOne(text, 'CM007', {
      severity: WARNING,
      range: rangeIn(text, '<!--', '<!-- itsmote-disable-next-line CM013 -->'),
      words: ['gives no reason'],
      fix: null,
    });
  });

  it('suggests a rule of the catalogue for an unknown key', () => {
    const text = withLine(
      '- Change type',
      '<!-- itsmote-disable-next-line rollbak-missing -- x -->\n- Change type: Normal',
      VALID_NORMAL,
    );
    expectOne(text, 'CM007', {
      severity: WARNING,
      range: rangeIn(text, '<!--', '<!-- itsmote-disable-next-line rollbak-missing -- x -->'),
      words: ['did you mean "rollback-missing"'],
      fix: null,
    });
  });
});
