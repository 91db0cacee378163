import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { arch } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The Pagefind package this build runs: its version, its command-line program (the package's `bin`) and the binary it runs. */
export interface PagefindPackage {
  version: string;
  /** The script `npx pagefind` runs: it finds the platform's binary and passes the arguments on. */
  cli: string | undefined;
  /** The platform's binary that script would run, found as it finds it; none where it is not where the script looks. */
  binary: PagefindBinary | undefined;
}

/** Pagefind's binary for this platform, and the variable that named it, when one did. */
export interface PagefindBinary {
  path: string;
  variable?: string;
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
      return {
        version: version ?? 'unknown',
        cli: script === undefined ? undefined : join(folder, script),
        binary: pagefindBinary(join(folder, 'package.json'), process.env),
      };
    }
    return { version: 'unknown', cli: undefined, binary: undefined };
  })();
  return found;
}

/** The binaries Pagefind's script tries, in its order: the extended one (with CJK word splitting) first. */
const binaryNames = ['pagefind_extended', 'pagefind'];

/**
 * The binary Pagefind's command-line script runs, found the way that script
 * finds it (its `resolveBinary.js`): a `PAGEFIND_EXTENDED_BINARY_PATH` or
 * `PAGEFIND_BINARY_PATH` variable, else the `@pagefind/<platform>-<arch>`
 * package that npm installed beside Pagefind (`npm_config_arch`, when set,
 * names the arch). The build runs it itself so that it can stop it: the
 * script runs it with `spawnSync`, and stopping the script would leave the
 * binary indexing on.
 */
export function pagefindBinary(manifest: string, env: NodeJS.ProcessEnv): PagefindBinary | undefined {
  for (const name of binaryNames) {
    const variable = `${name.toUpperCase()}_BINARY_PATH`;
    // Pagefind runs in an empty folder of its own: a relative path is the build's.
    if (env[variable]) return { path: resolve(env[variable]), variable };
  }
  const require = createRequire(manifest);
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const cpu = env['npm_config_arch'] || arch();
  for (const name of binaryNames) {
    try {
      return { path: require.resolve(`@pagefind/${platform}-${cpu}/bin/${platform === 'windows' ? `${name}.exe` : name}`) };
    } catch {
      // Not this one: the next, or none.
    }
  }
  return undefined;
}
