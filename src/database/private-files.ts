import { chmodSync, lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The embedded database keeps everything in its data folder, staff time records included, and
 * PGlite asks for no password: nobody but the service's user may read or change it (issue 10).
 *
 * PGlite unpacks its initial cluster with mode 0666 whatever the umask (≈ 970 files, pg_control
 * among them); files PostgreSQL creates later honour the umask. So the process umask becomes 077
 * before the database opens (new files 0600, folders 0700, the socket only for the user) and the
 * folder is walked once after opening to take group and other permissions away from what exists.
 */
export function restrictToOwner(): void {
  process.umask(0o077);
}

/** Removes every group/other permission bit under `dir` (folders stay enterable by the owner). */
export function makePrivate(dir: string): void {
  const visit = (path: string) => {
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) return;
    if ((stat.mode & 0o077) !== 0) chmodSync(path, stat.mode & 0o700);
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
  };
  visit(dir);
}
