import type { Plugin } from 'vite';
import type { AstroConfig } from 'astro';
import { virtualModule } from './virtual-module.ts';
import type { PapershelfOptions } from '../options.ts';
import type { InjectedFacts } from './inject-routes.ts';
import type { RelatedCacheFacts } from '../archive/related-cache.ts';

/** What pages need to know about the site beyond the options: its icon, whether it has feeds, how its addresses end. */
export interface SiteFacts extends InjectedFacts {
  /** The site's root folder as a `file:` URL ending in `/`, for server code that reads the site's files. */
  root: string;
  /** Astro's `trailingSlash`, which every link follows. */
  trailingSlash: AstroConfig['trailingSlash'];
  /** Astro's `build.format`, which decides page addresses under `trailingSlash: 'ignore'`. */
  format: AstroConfig['build']['format'];
  /** Whether the site sets a Content Security Policy (`security.csp`): only then may pages read `Astro.csp`, which warns on every page otherwise. */
  csp: boolean;
  /** The hash sources the site's CSP config lists (`sha256-…`), which every page keeps (see csp/hashes-in-use.ts). */
  cspHashes: string[];
  /** Where related papers are kept between builds (see related-cache.ts). */
  relatedCache?: RelatedCacheFacts | undefined;
}

const id = 'virtual:papershelf/options';

/** Serves the resolved options (and the site's facts) to pages as `virtual:papershelf/options`. */
export function virtualOptionsPlugin(options: PapershelfOptions, site: () => SiteFacts): Plugin {
  return virtualModule(id, () => `export default ${JSON.stringify({ ...options, site: site() })};`);
}
