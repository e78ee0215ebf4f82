/** Workspace folders, whatever spells their paths (OS paths on the desktop, URI paths in a browser). */

/** A workspace folder with its path. */
export interface Folder {
  uri: string;
  path: string;
}

/** The innermost folder holding `path`, by the path rules `isInside(path, dir)` gives. */
export function innermostFolder(
  folders: readonly Folder[],
  path: string | undefined,
  isInside: (path: string, dir: string) => boolean,
): Folder | undefined {
  if (!path) return undefined;
  let best: Folder | undefined;
  for (const f of folders) if (isInside(path, f.path) && (!best || f.path.length > best.path.length)) best = f;
  return best;
}
