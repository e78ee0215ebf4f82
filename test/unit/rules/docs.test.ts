import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../../server/src/core/rules/index';
import { check } from '../../helpers/doc';

const DOCS = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'rules.md'), 'utf8');

/** The text of one rule's section: from its anchor to the next anchor. */
function section(id: string): string {
  const start = DOCS.indexOf(`<a id="${id.toLowerCase()}"></a>`);
  assert.ok(start >= 0, `no anchor for ${id}`);
  const next = DOCS.indexOf('<a id="', start + 1);
  return DOCS.slice(start, next < 0 ? undefined : next);
}

describe('docs/rules.md', () => {
  it('has one anchored section per rule, with its name and default severity', () => {
    for (const r of RULES) {
      const s = section(r.id);
      assert.match(s, new RegExp(`^## ${r.id} ${r.name}$`, 'm'), r.id);
      assert.match(s, new RegExp(`^\\*\\*Default:\\*\\* ${r.severity}\\b`, 'm'), r.id);
      assert.match(s, /^Failing/m, `${r.id} has a failing example`);
      assert.match(s, /^Fixed/m, `${r.id} has a fixed example`);
      assert.match(s, /^\*\*Quick fix:\*\*/m, `${r.id} says which quick fix exists`);
    }
    assert.equal(DOCS.match(/<a id="cm\d{3}"><\/a>/g)?.length, RULES.length);
  });

  it('links diagnostics to existing anchors', () => {
    const d = check('# T\n')[0]!;
    const anchor = d.codeDescription!.href.split('#')[1]!;
    assert.ok(DOCS.includes(`<a id="${anchor}"></a>`));
  });

  it('documents the data.fix names the rules set', () => {
    for (const fix of [
      'insertField',
      'fillValue',
      'replaceValue',
      'renameField',
      'removeItem',
      'syncStatus',
      'addNote',
      'addStatusLog',
      'insertTemplate',
    ]) {
      assert.ok(DOCS.includes(`\`${fix}\``), fix);
    }
  });

  it('has a Decisions section', () => {
    assert.match(DOCS, /<a id="decisions"><\/a>\s+## Decisions on ambiguous points/);
  });
});
