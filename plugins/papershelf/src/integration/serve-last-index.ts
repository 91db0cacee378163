import { readFile } from 'node:fs/promises';
import { join, normalize } from 'node:path';
import type { Plugin } from 'vite';

const types: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

/**
 * In `astro dev`, serves `<base>pagefind/` from the last build's output, so
 * search works in dev on the papers of that build. Without a build the
 * request falls through, and the search page says how to get an index.
 */
export function serveLastSearchIndex(outDir: string, base: string): Plugin {
  const prefix = `${base.replace(/\/?$/, '/')}pagefind/`;
  const folder = join(outDir, 'pagefind');
  return {
    name: 'astro-papershelf:dev-search-index',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const raw = (request.url ?? '').split('?')[0] ?? '';
        if (!raw.startsWith(prefix)) return next();
        let path: string;
        try {
          path = decodeURIComponent(raw);
        } catch {
          response.statusCode = 400;
          response.end(`Malformed address: ${raw} is not valid percent-encoding.`);
          return;
        }
        const file = normalize(join(folder, path.slice(prefix.length)));
        if (!file.startsWith(`${folder}/`)) return next();
        readFile(file).then(
          (body) => {
            const extension = /\.[a-z]+$/.exec(file)?.[0] ?? '';
            response.setHeader('content-type', types[extension] ?? 'application/octet-stream');
            response.end(body);
          },
          (error: NodeJS.ErrnoException) => {
            // Not in the last build's index: let Astro answer (its 404). Any other failure is said as it is.
            if (error.code === 'ENOENT' || error.code === 'EISDIR') return next();
            response.statusCode = 500;
            response.end(`Cannot read ${file} from the last build's search index: ${error.code ?? error.message}`);
          },
        );
      });
    },
  };
}
