/**
 * Where a walk may go: inside its root (real paths, after links are resolved), and never into
 * the kernel's virtual file systems, whose files never end and whose folders hold the whole
 * machine's processes.
 */
import { sep } from 'node:path';

/** Whether the real path `real` is `root` or below it (both real, absolute paths). */
export function isInside(root: string, real: string): boolean {
  if (real === root) return true;
  return real.startsWith(root.endsWith(sep) ? root : root + sep);
}

/** Folders that are views of the kernel, not files: never entered, wherever a walk starts. */
const VIRTUAL_ROOTS = process.platform === 'win32' ? [] : ['/proc', '/sys', '/dev'];

/** Whether a real path is (inside) /proc, /sys or /dev. */
export function isVirtualFs(real: string): boolean {
  return VIRTUAL_ROOTS.some((v) => isInside(v, real));
}
