/** The node flags of the language server: one list (protocol.ts), and docs/server.md gives it to other editors. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVER_EXEC_ARGV } from '../../../server/src/protocol';

describe('SERVER_EXEC_ARGV', () => {
  it('is the command line docs/server.md gives for other editors', () => {
    const doc = readFileSync(join(__dirname, '../../../docs/server.md'), 'utf8');
    assert.ok(
      doc.includes(`node ${SERVER_EXEC_ARGV.join(' ')} dist/server.js --stdio`),
      `docs/server.md should show: node ${SERVER_EXEC_ARGV.join(' ')} dist/server.js --stdio`,
    );
  });

  it("exposes gc, which the scan's collections need (lsp/memory.ts)", () => {
    assert.ok(SERVER_EXEC_ARGV.includes('--expose-gc'));
  });
});
