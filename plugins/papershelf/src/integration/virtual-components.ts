import { isAbsolute, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { virtualModule } from './virtual-module.ts';
import { componentDefaults, type ComponentName, type PapershelfOptions } from '../options.ts';

/**
 * One virtual module per replaceable component, as Starlight does:
 * `virtual:papershelf/components/Layout` is the site's file when
 * `components.Layout` names one, else the archive's own. One module each, so
 * a component that imports another never imports itself.
 */
export function virtualComponentPlugins(root: string, components: PapershelfOptions['components']): Plugin[] {
  return (Object.entries(componentDefaults) as [ComponentName, string][]).map(([name, fallback]) => {
    const own = components[name];
    const path = own ? (isAbsolute(own) ? own : resolve(root, own)) : fallback;
    return virtualModule(`virtual:papershelf/components/${name}`, () => `export { default } from ${JSON.stringify(path)};`);
  });
}
