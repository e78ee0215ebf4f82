// A mocha reporter for `npm test`'s closing summary: it prints what mocha's "dot" reporter prints
// and, when ITSMOTE_TEST_SUMMARY_DIR is set, writes <dir>/<layer>.json with the layer's counts,
// its wall time and every pending test with the reason it gave (see test/support/skip.ts).
// Layer name: the reporter option `layer` (.mocharc.*.json), else "tests".
'use strict';
const Mocha = require('mocha');
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

class SummaryReporter extends Mocha.reporters.Dot {
  constructor(runner, options) {
    super(runner, options);
    const layer = (options && options.reporterOption && options.reporterOption.layer) || 'tests';
    const started = Date.now();
    const pending = [];
    runner.on(Mocha.Runner.constants.EVENT_TEST_PENDING, (test) => {
      pending.push({ title: test.fullTitle(), reason: test.skipReason || 'skipped (no reason given)' });
    });
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const dir = process.env.ITSMOTE_TEST_SUMMARY_DIR;
      if (!dir) return;
      const s = runner.stats || {};
      mkdirSync(dir, { recursive: true });
      writeFileSync(
        join(dir, `${layer}.json`),
        JSON.stringify({
          layer,
          passed: s.passes || 0,
          failed: s.failures || 0,
          pending,
          ms: Date.now() - started,
        }),
      );
    });
  }
}
module.exports = SummaryReporter;
