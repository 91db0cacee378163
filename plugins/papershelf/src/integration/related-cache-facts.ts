import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RelatedCacheFacts } from '../archive/related-cache.ts';

// The compiled folders related papers are computed from (related-papers.ts, terms.ts and the TeX helpers they
// import), whole, so a module added to them is covered too; and the package's manifest, for its version.
const relatedCode = ['../related/', '../markdown/'];
const manifest = '../../package.json';

/**
 * Where the archive keeps related papers between builds, and a digest of the
 * code that computes them, so a new version of that code never reuses lists
 * the old one made. Undefined (no cache) when that code cannot be read, as
 * when the integration runs from its TypeScript sources.
 */
export function relatedCacheFacts(cacheDir: URL): RelatedCacheFacts | undefined {
  try {
    const hash = createHash('sha1');
    hash.update(readFileSync(new URL(manifest, import.meta.url)));
    for (const folder of relatedCode) {
      const url = new URL(folder, import.meta.url);
      for (const file of readdirSync(url)
        .filter((name) => name.endsWith('.js'))
        .sort())
        hash.update(file).update(readFileSync(new URL(file, url)));
    }
    return { folder: fileURLToPath(new URL('papershelf/', cacheDir)), code: hash.digest('hex') };
  } catch {
    return undefined;
  }
}
