import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import katex from 'katex';
import type { RelatedCacheFacts } from '../archive/related-cache.ts';

// The compiled folders the archive model's kept results are computed from (related papers: related-papers.ts,
// terms.ts and the TeX helpers they import; the per-paper memo: abstracts, snippets and tag rules), whole, so a
// module added to them is covered too; the package's manifest, for its version; and KaTeX's, which renders snippets.
const relatedCode = ['../related/', '../markdown/', '../archive/', '../taxonomy/', '../text/'];
const manifest = '../../package.json';

/**
 * Where the archive keeps related papers and the per-paper memo between
 * builds, and a digest of the code that computes them, so a new version of
 * that code never reuses what the old one made. Undefined (no cache) when that code cannot be read, as
 * when the integration runs from its TypeScript sources.
 */
export function relatedCacheFacts(cacheDir: URL): RelatedCacheFacts | undefined {
  try {
    const hash = createHash('sha1');
    hash.update(readFileSync(new URL(manifest, import.meta.url))).update(katex.version);
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
