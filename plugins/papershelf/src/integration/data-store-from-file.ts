import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroConfig } from 'astro';

// Astro's module of the content layer's data store, and the code it has in a build (Astro 7.3):
// the whole store as one string literal.
const dataStoreModule = '\0astro:data-layer-content';
const inlinedStore = /^export default JSON\.parse\("/;

/**
 * Has a static build read the content layer's data store from its file
 * (`<cacheDir>/data-store.json`, written by the sync before Astro bundles)
 * rather than from the string Astro puts into its bundle, `export default
 * JSON.parse("…")` with the whole store in it: 55 MB at 10,000 papers.
 * V8 takes time that grows faster than the length to compile a literal that
 * long: 0.4 s for 5 MB, 4.1 s for 20 MB, 17 s for 40 MB and 28 s for the
 * 55 MB store on this project's 2-core benchmark machine (Node 24, each
 * imported once). Every build whose content changed paid it, a one-paper
 * edit included; only a build with no change skipped it, from Node's compile
 * cache. Read from the file, the store is parsed in under a second.
 *
 * Only `astro build` of a site without an adapter: its bundle runs here and
 * now, beside the file. An adapter may prerender where the file is not (a
 * worker), and `astro dev` keeps Astro's own module. A module of any other
 * shape (another Astro version, the chunked store) is left as Astro made it.
 */
export function dataStoreFromFile(config: Pick<AstroConfig, 'output' | 'adapter' | 'cacheDir'>) {
  const file = fileURLToPath(new URL('data-store.json', config.cacheDir));
  const enabled = config.output === 'static' && !config.adapter;
  return {
    name: 'papershelf:data-store-from-file',
    apply: 'build' as const,
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
