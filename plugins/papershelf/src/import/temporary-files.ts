import { readdir, rm, rmdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Where an import writes a paper before publishing it: a hidden folder inside
 * the papers folder (the same file system, so publishing is one atomic link or
 * rename), which the content loader, `check` and a glob of `*.md` never read as papers.
 */
export const temporaryFolder = '.papershelf-import';

/** A temporary file from any run: `<name>.<pid>.tmp`, here or (from older versions) beside the papers. */
const temporaryName = /\.(\d+)\.tmp$/;

/** The temporary path for a paper file named `name`, owned by this process. */
export function temporaryPath(dir: string, name: string): string {
  return join(dir, temporaryFolder, `${name}.${process.pid}.tmp`);
}

/**
 * Temporary files an import left in the papers folder (relative paths), both
 * in the temporary folder and beside the papers, where versions before 0.2
 * wrote them.
 */
export async function findTemporaryFiles(dir: string): Promise<string[]> {
  const besides = (await listOrEmpty(dir)).filter((name) => temporaryName.test(name));
  const inside = (await listOrEmpty(join(dir, temporaryFolder))).map((name) => join(temporaryFolder, name));
  return [...besides, ...inside].sort();
}

/**
 * Removes the temporary files of imports that are no longer running (an
 * interrupted run's debris) and returns their paths; a running import's
 * files are left alone.
 */
export async function removeStaleTemporaryFiles(dir: string): Promise<string[]> {
  const stale = (await findTemporaryFiles(dir)).filter((file) => !isRunning(Number(temporaryName.exec(file)?.[1])));
  for (const file of stale) await rm(join(dir, file), { force: true });
  await removeTemporaryFolderIfEmpty(dir);
  return stale;
}

/** Removes the temporary folder once nothing is left in it. */
export async function removeTemporaryFolderIfEmpty(dir: string): Promise<void> {
  await rmdir(join(dir, temporaryFolder)).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT' && error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
  });
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function listOrEmpty(dir: string): Promise<string[]> {
  return readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
}
