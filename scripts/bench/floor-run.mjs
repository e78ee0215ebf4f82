// The read + scan floor as a process of its own, like `itsmote check`: walks a folder, reads
// every .md file and counts its lines. What any tool that looks at every file must at least do.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

function walk(dir, out) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) walk(join(dir, e.name), out);
    else if (e.name.endsWith('.md')) out.push(join(dir, e.name));
  }
  return out;
}

let lines = 0;
for (const f of walk(process.argv[2], [])) {
  const text = readFileSync(f, 'utf8');
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
}
process.stdout.write(`${lines}\n`);
