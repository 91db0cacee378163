import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The Pagefind package this build runs: its version, and its command-line program (the package's `bin`). */
export interface PagefindPackage {
  version: string;
  /** The script `npx pagefind` runs: it finds the platform's binary and passes the arguments on. */
  cli: string | undefined;
}

let found: Promise<PagefindPackage> | undefined;

/** Pagefind's package.json is not among its exports, so it is found above its entry. */
export function pagefindPackage(): Promise<PagefindPackage> {
  found ??= (async () => {
    for (let folder = dirname(fileURLToPath(import.meta.resolve('pagefind'))); folder !== dirname(folder); folder = dirname(folder)) {
      const manifest = await readFile(join(folder, 'package.json'), 'utf8').catch(() => undefined);
      if (manifest === undefined) continue;
      const { name, version, bin } = JSON.parse(manifest) as { name?: string; version?: string; bin?: string | Record<string, string> };
      if (name !== 'pagefind') continue;
      const script = typeof bin === 'string' ? bin : bin?.['pagefind'];
      return { version: version ?? 'unknown', cli: script === undefined ? undefined : join(folder, script) };
    }
    return { version: 'unknown', cli: undefined };
  })();
  return found;
}
