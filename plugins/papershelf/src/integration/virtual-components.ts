import { isAbsolute, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { virtualModule } from './virtual-module.ts';
import type { PapershelfOptions } from '../options.ts';

const id = 'virtual:papershelf/components';

/** The components a site can replace, and where the archive's own live. */
export const replaceableComponents = {
  Layout: 'astro-papershelf/components/Layout.astro',
  SiteHeader: 'astro-papershelf/components/SiteHeader.astro',
  SiteFooter: 'astro-papershelf/components/SiteFooter.astro',
  PaperCard: 'astro-papershelf/components/PaperCard.astro',
  PaperHeader: 'astro-papershelf/components/PaperHeader.astro',
} as const;

/**
 * Serves `virtual:papershelf/components`: each replaceable component, from
 * the site's file when `components` names one (as Starlight does), else the
 * archive's own. Every page and component imports them from here.
 */
export function virtualComponentsPlugin(root: string, components: PapershelfOptions['components']): Plugin {
  const source = Object.entries(replaceableComponents)
    .map(([name, fallback]) => {
      const own = components[name as keyof typeof replaceableComponents];
      const path = own ? (isAbsolute(own) ? own : resolve(root, own)) : fallback;
      return `export { default as ${name} } from ${JSON.stringify(path)};`;
    })
    .join('\n');
  return virtualModule(id, () => source);
}
