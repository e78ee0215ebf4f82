/** `-o <file>` of the commands that produce a document (calendar, report): stdout without it. */
import { writeFile } from 'node:fs/promises';
import { describeFsError } from '../node/read-text-file';
import type { CommandContext } from './context';
import { FatalError, UsageError } from './usage';

/** Writes `text` to `file` (UTF-8), or to stdout when no file is given. */
export async function writeOutput(text: string, file: string | undefined, ctx: CommandContext): Promise<void> {
  if (file === undefined || file === '-') {
    ctx.out(text);
    return;
  }
  if (file.trim() === '') throw new UsageError('-o needs a file name');
  try {
    await writeFile(file, text, 'utf8');
  } catch (e) {
    throw new FatalError(`cannot write ${file}: ${describeFsError(e)}`);
  }
}
