import { fileURLToPath } from 'node:url';
import type { AstroConfig } from 'astro';
import type { PapershelfOptions } from '../options.ts';
import { virtualOptionsPlugin, type SiteFacts } from './virtual-options.ts';
import { virtualVocabularyPlugin } from './virtual-vocabulary.ts';
import { relatedCacheFacts } from './related-cache-facts.ts';
import { virtualComponentPlugins } from './virtual-components.ts';
import { serveLastSearchIndex } from './serve-last-index.ts';
import { quietHeadInjectWarnings } from './quiet-head-inject.ts';
import { dataStoreFromFile } from './data-store-from-file.ts';

/** The integration's Vite settings: its virtual modules, the dev server's search index, how the data store loads, and build tweaks. */
export function viteSettings(
  config: AstroConfig,
  options: PapershelfOptions,
  site: Omit<SiteFacts, 'root'>,
  command: 'dev' | 'build' | 'preview' | 'sync',
  /** The settled config's adapter, once every integration has set up (one may set an adapter after this one). */
  hasAdapter: () => boolean,
) {
  const root = fileURLToPath(config.root);
  return {
    plugins: [
      // Read when the module loads, not now: `site.csp` is settled only once every integration has set up.
      virtualOptionsPlugin(options, () => ({ ...site, root: config.root.href, relatedCache: relatedCacheFacts(config.cacheDir) })),
      virtualVocabularyPlugin(root, options.paths.tags),
      ...virtualComponentPlugins(root, options.components),
      serveLastSearchIndex(fileURLToPath(config.outDir), config.base),
      dataStoreFromFile(config, command, hasAdapter),
    ],
    // In a list, so that Vite's merge keeps a site's own `server.watch.ignored` beside it.
    server: { watch: { ignored: [notSource(config)] } },
    build: { assetsInlineLimit: keepFilesWhereCached, rolldownOptions: { onLog: quietHeadInjectWarnings } },
  };
}

/**
 * What `astro dev` must not watch: the last build's output. Vite watches the
 * whole project, and an archive's `dist/` holds about 2.6 files a paper: at
 * 50,000 papers its watches passed Linux's default limit
 * (fs.inotify.max_user_watches), the watcher failed with ENOSPC, and the dev
 * server served an empty collection. `dist/` holds no source: the search index
 * is read from it when asked for (serve-last-index.ts), not watched. An
 * `outDir` that holds the project itself (`.`, `..`) is left watched. Astro's
 * cache folder is left to Vite, which ignores it where it is by default
 * (`node_modules/.astro`).
 */
export function notSource(config: Pick<AstroConfig, 'outDir' | 'root'>): (path: string) => boolean {
  // The watcher hands over paths with forward slashes on every system (chokidar normalizes them).
  const slashed = (path: string) => path.replaceAll('\\', '/').replace(/\/+$/, '');
  const outDir = slashed(fileURLToPath(config.outDir));
  const root = slashed(fileURLToPath(config.root));
  if (root === outDir || root.startsWith(`${outDir}/`)) return () => false;
  return (path) => {
    const file = slashed(path);
    return file === outDir || file.startsWith(`${outDir}/`);
  };
}

/**
 * What stays a file rather than being inlined into every page:
 * - fonts (KaTeX's) instead of `data:` URIs in the CSS: a strict CSP's
 *   `font-src 'self'` then allows them, and a page loads only the fonts it uses;
 * - scripts: the search shortcut is on every page and the citation buttons on
 *   every paper page. Inlined, their 1.4 KB were written into each of an
 *   archive's 20,000 pages; as files a browser fetches them once and caches them.
 *   This holds for the site's own scripts too (Vite's limit is the site's).
 */
function keepFilesWhereCached(file: string): boolean | undefined {
  return /\.(?:woff2?|ttf|otf|eot|m?js)$/.test(file) ? false : undefined;
}
