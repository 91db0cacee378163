// Files to import as the tools that wrote them encode them: UTF-8, UTF-16, Windows-1252, Windows line ends.
import { describe, expect, it } from 'vitest';
import { importText } from '../../plugins/papershelf/src/import/import-text.ts';
import { bibtexPapers } from '../../plugins/papershelf/src/import/bibtex-papers.ts';

const entry = '@article{m,\r\n  title = {Müller und Schön},\r\n  author = {Müller, Jörg and\r\n Roe, Rick},\r\n  year = 2020\r\n}\r\n';

describe('importText', () => {
  it('reads UTF-8 as it is, without its byte order mark, and line ends as \\n on the same lines', () => {
    const bytes = new TextEncoder().encode(`\uFEFF${entry}`);
    const { text, note } = importText(bytes, 'a.bib');
    expect(note).toBeUndefined();
    expect(text.startsWith('@article')).toBe(true);
    expect(text).not.toContain('\r');
    expect(text.split('\n')).toHaveLength(entry.split('\r\n').length);
  });

  it('reads a file that is not UTF-8 as Windows-1252, and says so', () => {
    const latin1 = Uint8Array.from([...entry].map((c) => c.charCodeAt(0)));
    const { text, note } = importText(latin1, 'old.bib');
    expect(text).toContain('Müller und Schön');
    expect(text).not.toContain('\uFFFD');
    expect(note).toMatch(/^note: `old\.bib` is not UTF-8; it was read as Windows-1252/);
  });

  it('reads UTF-16 by its byte order mark, either way round', () => {
    const units = [...`\uFEFF${entry}`].map((c) => c.charCodeAt(0));
    const little = Uint8Array.from(units.flatMap((u) => [u & 0xff, u >> 8]));
    const big = Uint8Array.from(units.flatMap((u) => [u >> 8, u & 0xff]));
    for (const bytes of [little, big]) expect(importText(bytes, 'w.bib').text).toContain('Müller und Schön');
  });

  it('lets a name list wrapped after "and" on Windows line ends split into its names', () => {
    const { text } = importText(new TextEncoder().encode(entry), 'crlf.bib');
    expect(bibtexPapers(text, 'crlf.bib', '2025-01-01').papers[0]!.authors).toEqual(['Jörg Müller', 'Rick Roe']);
  });
});
