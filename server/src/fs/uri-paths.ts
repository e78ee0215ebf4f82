/**
 * Paths of the browser server: a file is named by its URI's scheme, authority and decoded path
 * (`vscode-vfs://github/owner/repo/changes/x.md`), so that the folder arithmetic of the server
 * (nearest `.itsmote.json`, paths relative to a workspace folder) works on any file system the
 * editor serves, with `/` as separator. `scheme://authority/` is a root: `dirname` stops there.
 */
import { URI } from 'vscode-uri';
import type { PathOps } from './file-system';

const ROOTED = /^([a-zA-Z][\w+.-]*:\/\/[^/]*)(\/.*)?$/;

/** A URI path's root (`scheme://authority`) and its path (starting with `/`); undefined when it is not one. */
function split(path: string): [root: string, rest: string] | undefined {
  const m = ROOTED.exec(path);
  return m ? [m[1]!, m[2] ?? '/'] : undefined;
}

/** `.` and `..` resolved, repeated and trailing slashes dropped (a root keeps its `/`). */
function normalise(rest: string): string {
  const out: string[] = [];
  for (const seg of rest.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return `/${out.join('/')}`;
}

/** The URI path of a document URI; undefined for untitled documents and what does not parse. */
export function uriPathOf(uri: string): string | undefined {
  try {
    const u = URI.parse(uri);
    if (u.scheme === 'untitled' || !u.scheme) return undefined;
    return `${u.scheme}://${u.authority}${normalise(u.path)}`;
  } catch {
    return undefined;
  }
}

/** The URI of a URI path, in the form clients send. */
export function uriOfPath(path: string): string {
  const s = split(path);
  if (!s) return path;
  const [root, rest] = s;
  const colon = root.indexOf('://');
  return URI.from({ scheme: root.slice(0, colon), authority: root.slice(colon + 3), path: rest }).toString();
}

/** Path arithmetic on URI paths. */
export const uriPaths: PathOps & { relative(from: string, to: string): string } = {
  sep: '/',
  join(...parts: string[]): string {
    const [first = '', ...more] = parts;
    const s = split(first);
    if (!s) return [first, ...more].join('/');
    return s[0] + normalise([s[1], ...more].join('/'));
  },
  dirname(path: string): string {
    const s = split(path);
    if (!s) return path;
    const rest = normalise(s[1]);
    return s[0] + (rest.lastIndexOf('/') > 0 ? rest.slice(0, rest.lastIndexOf('/')) : '/');
  },
  resolve(path: string): string {
    const s = split(path);
    return s ? s[0] + normalise(s[1]) : path;
  },
  /** `to` relative to `from` when it is below it (forward slashes), else `to` unchanged. */
  relative(from: string, to: string): string {
    const a = uriPaths.resolve(from);
    const b = uriPaths.resolve(to);
    if (a === b) return '';
    const prefix = a.endsWith('/') ? a : `${a}/`;
    return b.startsWith(prefix) ? b.slice(prefix.length) : b;
  },
};
