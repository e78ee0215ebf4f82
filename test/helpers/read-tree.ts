/** Reads a folder into memory: every file's text by its path relative to the folder (forward slashes). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export function readTree(dir: string, out: Record<string, string> = {}, base = dir): Record<string, string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) readTree(path, out, base);
    else out[relative(base, path).split('\\').join('/')] = readFileSync(path, 'utf8');
  }
  return out;
}
