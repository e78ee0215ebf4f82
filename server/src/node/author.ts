/**
 * Who is writing, when no setting says: `git config user.name` (else `user.email`), else the
 * operating-system user. Shared by the language server and the VS Code client, which both fall
 * back to it.
 */
import { userInfo } from 'node:os';
import { git } from './git';

/** `git config user.name`, else `user.email`, in `cwd`; undefined when git gives neither. */
export async function gitAuthor(cwd: string | undefined): Promise<string | undefined> {
  const dir = cwd ?? process.cwd();
  for (const key of ['user.name', 'user.email']) {
    // A missing git, a folder that is no repository or a slow disk all mean "no answer".
    const r = await git(['config', key], dir, 3000);
    const value = r.ok ? r.stdout.trim() : '';
    if (value) return value;
  }
  return undefined;
}

/** The operating-system user name ('' when it cannot be told). */
export function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? '';
  }
}
