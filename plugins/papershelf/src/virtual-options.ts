import type { Plugin } from 'vite';
import { virtualModule } from './virtual-module.ts';
import type { PapershelfOptions } from './options.ts';

/** What pages need to know about the site beyond the options. */
export interface SiteFacts {
  /** The site's icon: its own from the public folder (`favicon.svg`, `favicon.ico`…), else ours, `favicon.svg`. */
  favicon: string;
  /** Whether the site has feeds (they need the site's `site` URL). */
  feeds: boolean;
}

const id = 'virtual:papershelf/options';

/** Serves the resolved options (and the site's facts) to pages as `virtual:papershelf/options`. */
export function virtualOptionsPlugin(options: PapershelfOptions, site: SiteFacts): Plugin {
  return virtualModule(id, () => `export default ${JSON.stringify({ ...options, site })};`);
}
