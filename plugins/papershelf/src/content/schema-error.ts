import { closestMatches } from '../text/did-you-mean.ts';
import { paperFields } from './paper-schema.ts';

/**
 * Rewrites Astro's schema error ("**papers → slug** data does not match
 * collection schema." and one `**field**: message` line an issue) into lines
 * a person can jump to: `content/papers/x.md:4: \`date\` …`.
 */
export function schemaErrorMessage(
  astroMessage: string,
  file: string,
  lineOf: (field: string) => number | undefined,
  presentFields: readonly string[] = [],
): string {
  const issues = [...astroMessage.matchAll(/^\s*\*\*([^*]+)\*\*: (.*)$/gm)].map((m) => ({ path: m[1] ?? '', message: m[2] ?? '' }));
  if (issues.length === 0) return `${file}: ${astroMessage}`;
  const lines = issues.map(({ path, message }) => {
    const field = path.split('.')[0] ?? path;
    const line = lineOf(field);
    // A missing field next to a misspelt one: zod stops before the unknown-field check, so name the typo here.
    const typo = message.startsWith('is missing') ? closestMatches(field, presentFields.filter((f) => !(f in paperFields)), 1)[0] : undefined;
    const hint = typo ? ` (\`${typo}\`${lineOf(typo) ? ` on line ${lineOf(typo)}` : ''} looks like a misspelling of it)` : '';
    return `${file}${line === undefined ? '' : `:${line}`}: \`${path}\` ${message}${hint}`;
  });
  return `${file} does not fit the paper schema:\n${lines.join('\n')}`;
}
