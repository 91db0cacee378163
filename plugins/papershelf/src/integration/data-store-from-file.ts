import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroConfig } from 'astro';

// Astro's module of the content layer's data store. Astro 7.3 loads it as `export default JSON.parse("…")`
// with the whole store file in the literal, unless the store is chunked (`experimental.collectionStorage`).
const dataStoreModule = '\0astro:data-layer-content';

// What Astro marks its content-data modules with (`createContentDataIncrementalMetadata`, not exported): its
// incremental build leaves them out of the code a page depends on, since the pages' cache keys cover content.
const contentDataMeta = { astroIncremental: { kind: 'content-data' } };

/**
 * Has Astro read the content layer's data store from its file (written by
 * the sync: `<cacheDir>/data-store.json` in a build, `.astro/data-store.json`
 * under `astro dev`) rather than from a module with the whole store in one
 * string literal: 55 MB at 10,000 papers, 275 MB at 50,000. V8 takes time
 * that grows faster than the length to compile a literal that long: 0.4 s
 * for 5 MB, 4.1 s for 20 MB, 17 s for 40 MB and 28 s for the 55 MB store on
 * this project's 2-core benchmark machine (Node 24, each imported once).
 * Every build whose content changed paid it, a one-paper edit included, and
 * `astro dev` paid it for its first page and after every edit. Read from the
 * file, the store is parsed in under a second.
 *
 * The module is made before Astro's own (`order: 'pre'`), so Astro does not
 * read, check and escape the store into a literal that is then thrown away,
 * and the bundler never passes it on: at 50,000 papers that took bundling
 * from 14 s to 41–53 s when this replaced the literal afterwards. It carries
 * Astro's content-data mark, as Astro's module does.
 *
 * Under `astro dev` the module reads the file each time Astro evaluates it
 * again, which Astro does after the sync writes the file (it invalidates the
 * module then).
 *
 * Only for a site without an adapter, whose server runs here, beside the
 * file (an adapter may prerender, or serve `astro dev`, where the file is
 * not: a worker), asked when the module is made (`hasAdapter`), as an
 * integration set up later may still set one; and only for Astro's store in
 * one file, not a chunked one. A file that cannot be read when the module
 * runs (removed by another build in the same folder) is reported with its
 * path, since Astro would otherwise serve an empty store without a word.
 */
export function dataStoreFromFile(
  config: Pick<AstroConfig, 'cacheDir' | 'root' | 'experimental'>,
  command: 'dev' | 'build' | 'preview' | 'sync',
  hasAdapter: () => boolean,
) {
  const file = fileURLToPath(
    command === 'dev' ? new URL('.astro/data-store.json', config.root) : new URL('data-store.json', config.cacheDir),
  );
  const storage = config.experimental.collectionStorage;
  const applies = (command === 'dev' || command === 'build') && (storage === undefined || storage === 'single-file');
  return {
    name: 'papershelf:data-store-from-file',
    load: {
      order: 'pre' as const,
      // Vite hands this hook only the store's module.
      filter: { id: new RegExp(`^${dataStoreModule}$`) },
      handler(id: string) {
        if (!applies || id !== dataStoreModule || hasAdapter() || !existsSync(file)) return undefined;
        return { code: storeModule(file), map: { mappings: '' }, meta: contentDataMeta };
      },
    },
  };
}

/** The module that reads the store from `file`, and says which file when it cannot. */
export function storeModule(file: string): string {
  const path = JSON.stringify(file);
  return `import { readFileSync } from 'node:fs';
let store;
try {
  store = JSON.parse(readFileSync(${path}, 'utf8'));
} catch (error) {
  console.error(\`[astro-papershelf] The content store \${${path}} could not be read (\${error.message}): without it the site shows no papers. Run the build (or astro dev) again, and one at a time in this project.\`);
  throw error;
}
export default store;
`;
}
