// The markdownlint baseline, as a process of its own like `itsmote check`: lints every .md file
// of a folder (recursively) with the library's default rules and prints the number of findings.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from 'markdownlint/sync';

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.md') ? [join(dir, e.name)] : [],
  );
}

const results = lint({ files: files(process.argv[2]) });
let n = 0;
for (const list of Object.values(results)) n += list.length;
process.stdout.write(`${n}\n`);
