/**
 * Rewrites Astro's schema error ("**papers → slug** data does not match
 * collection schema." and one `**field**: message` line an issue) into lines
 * a person can jump to: `content/papers/x.md:4: \`date\` …`.
 */
export function schemaErrorMessage(astroMessage: string, file: string, lineOf: (field: string) => number | undefined): string {
  const issues = [...astroMessage.matchAll(/^\s*\*\*([^*]+)\*\*: (.*)$/gm)].map((m) => ({ path: m[1] ?? '', message: m[2] ?? '' }));
  if (issues.length === 0) return `${file}: ${astroMessage}`;
  const lines = issues.map(({ path, message }) => {
    const field = path.split('.')[0] ?? path;
    const line = lineOf(field);
    return `${file}${line === undefined ? '' : `:${line}`}: \`${path}\` ${message}`;
  });
  return `${file} does not fit the paper schema:\n${lines.join('\n')}`;
}
