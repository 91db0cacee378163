import { readFileSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { LinkSettings } from '../links/site-links.ts';
import { paperPagesFolder } from './paper-pages-folder.ts';
import type { AstroIntegrationLogger } from 'astro';
import { AstroError } from 'astro/errors';
import { formatMathReport } from '../markdown/math-report.ts';
import { readMathMarks, type MathMark } from '../markdown/math-marks.ts';
import { pageScanCache } from './page-scan-cache.ts';

/**
 * Prints the build's math report, read from the failure marks on the built
 * paper pages (where the paper route writes them in `dist`), and with
 * `math.failOnError` fails the build when a formula failed. Reading the
 * output means a page restored from a cache reports its formulas too. With
 * `cacheFile` (incremental builds), only pages written since the last build
 * are read: the others' marks are the last build's (about 2 s at 10,000 papers).
 */
export async function reportMath(
  dist: string,
  links: LinkSettings | undefined,
  logger: AstroIntegrationLogger,
  failOnError: boolean,
  cacheFile?: string,
): Promise<void> {
  const folder = join(dist, paperPagesFolder(links));
  const marks: MathMark[] = [];
  const files = await readdir(folder, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  const cache = cacheFile === undefined ? undefined : pageScanCache<MathMark[]>(cacheFile);
  // Read synchronously and searched as bytes: ten thousand pages, nearly all without a mark.
  for (const file of files.filter((name) => name.endsWith('.html'))) {
    const path = join(folder, file);
    const { size, mtimeMs } = statSync(path);
    let found = cache?.get(file, size, mtimeMs);
    if (!found) {
      const bytes = readFileSync(path);
      found = bytes.includes('data-math-error') ? readMathMarks(bytes.toString('utf8')) : [];
      cache?.set(file, size, mtimeMs, found);
    }
    marks.push(...found);
  }
  cache?.save();
  const lines = formatMathReport(marks);
  const summary = lines.pop() ?? '';
  for (const line of lines) logger.warn(line);
  logger.info(summary);
  if (failOnError && lines.length > 0) {
    throw new AstroError(summary, 'Fix the formulas listed above, or set `math: { failOnError: false }` to publish them as source.');
  }
}
