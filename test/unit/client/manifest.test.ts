import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import picomatch from 'picomatch';

const ROOT = join(__dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const nls = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;

/** Whether `.vscodeignore` (exclude everything, then `!` puts files back) ships a file in the .vsix. */
function packaged(file: string): boolean {
  const lines = readFileSync(join(ROOT, '.vscodeignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  let included = true;
  for (const l of lines) {
    const negated = l.startsWith('!');
    if (picomatch(negated ? l.slice(1) : l, { dot: true })(file)) included = negated;
  }
  return included;
}

describe('client: the manifest (views, walkthrough)', () => {
  it('gives every walkthrough step a picture that exists and is packaged, with alt text', () => {
    const steps = pkg.contributes.walkthroughs.flatMap((w: { steps: unknown[] }) => w.steps) as {
      id: string;
      media: Record<string, string>;
    }[];
    assert.equal(steps.length, 3);
    for (const s of steps) {
      const file = s.media.svg ?? s.media.image ?? s.media.markdown;
      assert.ok(file, `${s.id} has media`);
      assert.ok(existsSync(join(ROOT, file)), `${file} exists`);
      assert.ok(packaged(file), `${file} is in the .vsix`);
      if (!s.media.markdown) assert.ok(nls[s.media.altText!.replace(/%/g, '')], `${s.id} has alt text`);
    }
    assert.equal(packaged('docs/images/sidebar.png'), false, 'the check can fail: docs are not packaged');
  });

  it('sizes the views: Changes takes the room, Metrics starts collapsed', () => {
    const [changes, metrics] = pkg.contributes.views.itsmote as {
      id: string;
      initialSize?: number;
      visibility?: string;
    }[];
    assert.equal(changes!.id, 'itsmote.changes');
    assert.equal(metrics!.visibility, 'collapsed');
    assert.ok(changes!.initialSize! > metrics!.initialSize!, 'Changes gets more of the side bar than Metrics');
  });

  it('has a string in package.nls.json for every %key% of package.json', () => {
    const keys = [...JSON.stringify(pkg).matchAll(/"%([\w.]+)%"/g)].map((m) => m[1]!);
    assert.ok(keys.length > 20);
    assert.deepEqual(
      keys.filter((k) => !(k in nls)),
      [],
    );
  });
});
