import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroConfig } from 'astro';

// Astro's module of the content layer's data store, and the code it has in a build (Astro 7.3):
// the whole store as one string literal.
const dataStoreModule = '\0astro:data-layer-content';
const inlinedStore = /^export default JSON\.parse\("/;

/**
 * Has Astro read the content layer's data store from its file (written by
 * the sync: `<cacheDir>/data-store.json` in a build, `.astro/data-store.json`
 * under `astro dev`) rather than from the string Astro puts into a module,
 * `export default JSON.parse("…")` with the whole store in it: 55 MB at
 * 10,000 papers. V8 takes time that grows faster than the length to compile a
 * literal that long: 0.4 s for 5 MB, 4.1 s for 20 MB, 17 s for 40 MB and 28 s
 * for the 55 MB store on this project's 2-core benchmark machine (Node 24,
 * each imported once). Every build whose content changed paid it, a
 * one-paper edit included (only a build with no change skipped it, from
 * Node's compile cache), and `astro dev` paid it for its first page and after
 * every edit. Read from the file, the store is parsed in under a second.
 *
 * Under `astro dev` the module reads the file each time Astro evaluates it
 * again, which Astro does after the sync writes the file (it invalidates the
 * module then).
 *
 * Only for a site without an adapter, whose server runs here, beside the
 * file: an adapter may prerender, or serve `astro dev`, where the file is not
 * (a worker). A module of any other shape (another Astro version, the chunked
 * store) is left as Astro made it.
 */
export function dataStoreFromFile(
  config: Pick<AstroConfig, 'adapter' | 'cacheDir' | 'root'>,
  command: 'dev' | 'build' | 'preview' | 'sync',
) {
  const file = fileURLToPath(
    command === 'dev' ? new URL('.astro/data-store.json', config.root) : new URL('data-store.json', config.cacheDir),
  );
  const enabled = !config.adapter && (command === 'dev' || command === 'build');
  return {
    name: 'papershelf:data-store-from-file',
    enforce: 'post' as const,
    transform(code: string, id: string) {
      if (!enabled || id !== dataStoreModule || !inlinedStore.test(code) || !existsSync(file)) return undefined;
      return {
        code: `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8'));\n`,
        map: { mappings: '' },
      };
    },
  };
}
