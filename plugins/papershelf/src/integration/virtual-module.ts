import type { Plugin } from 'vite';

/**
 * A Vite plugin serving one virtual module (`virtual:papershelf/…`) whose
 * source `load` writes; `load` gets Vite's plugin context, e.g. to watch a file.
 */
export function virtualModule(id: string, load: (context: { addWatchFile: (path: string) => void }) => string): Plugin {
  const resolved = `\0${id}`;
  return {
    name: `astro-papershelf:${id.replace(/^virtual:papershelf\//, '')}`,
    resolveId(source) {
      return source === id ? resolved : undefined;
    },
    load(request) {
      return request === resolved ? load(this) : undefined;
    },
  };
}
