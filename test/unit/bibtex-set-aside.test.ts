// Abstracts are read around the BibTeX parser (slow on long text): what comes back must be what a whole parse gives.
import { describe, expect, it } from 'vitest';
import { setAsideAbstracts } from '../../plugins/papershelf/src/import/bibtex-set-aside.ts';
import { bibtexPapers } from '../../plugins/papershelf/src/import/bibtex-papers.ts';

const library = `@article{a,
  abstract = {First {line}
with $O(n^2)$ and M{\\"u}ller,
  three lines},
  title = {A},
}
@article{b, title = {B}, abstract = "Quoted {\\em value} here"}
@article{c, title = {C}, note = {no abstract}}
@article{broken, title = {D
`;

describe('setAsideAbstracts', () => {
  it('keeps every line where it was, and gives each value back whole', () => {
    const { text, restore } = setAsideAbstracts(library);
    expect(text.split('\n')).toHaveLength(library.split('\n').length);
    expect(text).not.toContain('First {line}');
    const marks = [...text.matchAll(/PSABSTRACT\d+X/g)].map((m) => restore(m[0]));
    expect(marks).toEqual(['First {line}\nwith $O(n^2)$ and M{\\"u}ller,\n  three lines', 'Quoted {\\em value} here']);
  });

  it('reads abstracts, and reports entries at their lines, as a whole parse does', () => {
    const { papers, problems } = bibtexPapers(library, 'l.bib', '2025-01-01');
    expect(papers.map((p) => [p.title, p.abstract, p.source])).toEqual([
      ['A', 'First line with $O(n^2)$ and Müller, three lines', 'l.bib:1'],
      ['B', 'Quoted value here', 'l.bib:7'],
      ['C', '', 'l.bib:8'],
    ]);
    expect(problems.map((p) => p.line)).toEqual([9]);
  });

  it('leaves a value whose braces never close to the parser, which reports it', () => {
    const unclosed = '@article{x, title = {X}, abstract = {never {closed\n}\n@article{y, title = {Y}}\n';
    expect(setAsideAbstracts(unclosed).text).toBe(unclosed);
  });
});
