import { fileURLToPath } from 'node:url';
import type { AstroConfig, AstroIntegrationLogger } from 'astro';
import { AstroError } from 'astro/errors';
import { formatMathReport, mathFailures } from '../markdown/math-report.ts';

/** Prints the build's math report and, with `math.failOnError`, fails the build when a formula failed. */
export function reportMath(config: AstroConfig, logger: AstroIntegrationLogger, failOnError: boolean): void {
  const failures = mathFailures();
  const lines = formatMathReport(failures, fileURLToPath(config.root));
  const summary = lines.pop() ?? '';
  for (const line of lines) logger.warn(line);
  logger.info(summary);
  if (failOnError && failures.length > 0) {
    throw new AstroError(summary, 'Fix the formulas listed above, or set `math: { failOnError: false }` to publish them as source.');
  }
}
