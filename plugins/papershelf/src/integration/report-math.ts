import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { LinkSettings } from '../links/site-links.ts';
import { paperPagesFolder } from './paper-pages-folder.ts';
import type { AstroIntegrationLogger } from 'astro';
import { AstroError } from 'astro/errors';
import { formatMathReport } from '../markdown/math-report.ts';
import { readMathMarks, type MathMark } from '../markdown/math-marks.ts';

/**
 * Prints the build's math report, read from the failure marks on the built
 * paper pages (where the paper route writes them in `dist`), and with
 * `math.failOnError` fails the build when a formula failed. Reading the
 * output means a page restored from a cache reports its formulas too.
 */
export async function reportMath(
  dist: string,
  links: LinkSettings | undefined,
  logger: AstroIntegrationLogger,
  failOnError: boolean,
): Promise<void> {
  const folder = join(dist, paperPagesFolder(links));
  const marks: MathMark[] = [];
  const files = await readdir(folder, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  // Read synchronously and searched as bytes: ten thousand pages, nearly all without a mark.
  for (const file of files.filter((name) => name.endsWith('.html'))) {
    const bytes = readFileSync(join(folder, file));
    if (bytes.includes('data-math-error')) marks.push(...readMathMarks(bytes.toString('utf8')));
  }
  const lines = formatMathReport(marks);
  const summary = lines.pop() ?? '';
  for (const line of lines) logger.warn(line);
  logger.info(summary);
  if (failOnError && lines.length > 0) {
    throw new AstroError(summary, 'Fix the formulas listed above, or set `math: { failOnError: false }` to publish them as source.');
  }
}
