import type { Plugin } from 'vite';
import type { PapershelfOptions } from './options.ts';

/** What pages need to know about the site beyond the options. */
export interface SiteFacts {
  /** The site's icon: its own from the public folder (`favicon.svg`, `favicon.ico`…), else ours, `favicon.svg`. */
  favicon: string;
  /** Whether the site has feeds (they need the site's `site` URL). */
  feeds: boolean;
}

const id = 'virtual:papershelf/options';

/** A Vite plugin serving the resolved integration options to pages as `virtual:papershelf/options`. */
export function virtualOptionsPlugin(options: PapershelfOptions, site: SiteFacts): Plugin {
  return {
    name: 'astro-papershelf:options',
    resolveId(source) {
      return source === id ? `\0${id}` : undefined;
    },
    load(resolved) {
      return resolved === `\0${id}` ? `export default ${JSON.stringify({ ...options, site })};` : undefined;
    },
  };
}
