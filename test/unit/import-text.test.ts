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

  it('reads a file of UTF-8 lines and Windows-1252 lines each line as it was written, and names the others', () => {
    const utf8Entry = new TextEncoder().encode('@article{a,\n  title = {Über Attention in Zürich},\n  author = {Łukasz Müller}\n}\n');
    const latin1Entry = Uint8Array.from([...'@article{b,\n  title = {Café},\n  author = {René Roe}\n}\n'].map((c) => c.charCodeAt(0)));
    const { text, note } = importText(Uint8Array.from([...utf8Entry, ...latin1Entry]), 'mixed.bib');
    expect(text).toContain('Über Attention in Zürich');
    expect(text).toContain('Łukasz Müller');
    expect(text).toContain('title = {Café}');
    expect(text).toContain('René Roe');
    expect(text).not.toMatch(/[\uFFFD\u0080-\u009F]|Ã/);
    expect(note).toBe(
      'note: `mixed.bib` mixes encodings: lines 6 and 7 are not UTF-8 and were read as Windows-1252 (Latin-1), the rest as UTF-8: check the accents of the papers from those lines, or save the file as UTF-8 and import it again',
    );
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
