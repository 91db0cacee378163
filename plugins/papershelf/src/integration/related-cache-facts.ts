import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RelatedCacheFacts } from '../archive/related-cache.ts';

// The compiled modules related papers are computed by (see related-papers.ts and what it imports).
const relatedCode = ['../related/related-papers.js', '../related/terms.js', '../markdown/tex-segments.js'];

/**
 * Where the archive keeps related papers between builds, and a digest of the
 * code that computes them, so a new version of that code never reuses lists
 * the old one made. Undefined (no cache) when that code cannot be read, as
 * when the integration runs from its TypeScript sources.
 */
export function relatedCacheFacts(cacheDir: URL): RelatedCacheFacts | undefined {
  try {
    const hash = createHash('sha1');
    for (const file of relatedCode) hash.update(readFileSync(new URL(file, import.meta.url)));
    return { folder: fileURLToPath(new URL('papershelf/', cacheDir)), code: hash.digest('hex') };
  } catch {
    return undefined;
  }
}
