import type { Plugin } from 'vite';
import type { PapershelfOptions } from './options.ts';

const id = 'virtual:papershelf/options';

/** A Vite plugin serving the resolved integration options to pages as `virtual:papershelf/options`. */
export function virtualOptionsPlugin(options: PapershelfOptions): Plugin {
  return {
    name: 'astro-papershelf:options',
    resolveId(source) {
      return source === id ? `\0${id}` : undefined;
    },
    load(resolved) {
      return resolved === `\0${id}` ? `export default ${JSON.stringify(options)};` : undefined;
    },
  };
}
