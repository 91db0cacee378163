// What `check` and the build say of a paper file an author got wrong in the usual ways: each message names the
// field, the value and the fix, and says nothing untrue about the file.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { archiveProblems, validatePaperFile } from '../../plugins/papershelf/src/content/validate-paper.ts';
import { parseVocabulary } from '../../plugins/papershelf/src/taxonomy/parse-vocabulary.ts';
import { compileVocabulary } from '../../plugins/papershelf/src/taxonomy/compile-vocabulary.ts';

const problemsOf = (source: string) =>
  validatePaperFile(source, 'p.md', { vocabularyFile: 'content/tags.yml', math: { macros: {} } }).problems.map(
    (p) => `${p.line ?? '-'}: ${p.message}`,
  );

describe('paper file messages', () => {
  it('calls an empty field empty, and says to fill it in (or, when optional, to remove the line)', () => {
    expect(problemsOf('---\ntitle:\ndate: 2025-01-01\narxiv:\nurl:\n---\nText.\n')).toEqual([
      '2: `title` is empty; fill it in',
      '4: `arxiv` is empty; fill it in or remove the line',
      '5: `url` is empty; fill it in or remove the line',
    ]);
  });

  it('names a value of the wrong kind and how to write it', () => {
    expect(problemsOf('---\ntitle: true\ndate: 2025-01-01\nauthors: [Ada, true]\nupvotes: -3\n---\nText.\n')).toEqual([
      '2: `title` `true` is not text; quote it: `title: "…"`',
      '4: `authors` (item 2) `true` is not a name; quote it: `"Ada Lovelace"`',
      '5: `upvotes` `-3` is not a number of upvotes; write a whole number from 0',
    ]);
  });

  it('shows the value to write for a list without brackets, a day with a time, a quoted number and a list of addresses', () => {
    const withField = (line: string) => problemsOf(`---\ntitle: T\ndate: 2025-01-01\n${line}\n---\nText.\n`);
    expect(withField('authors: Jane Doe, John Roe')).toEqual([
      '4: `authors` `Jane Doe, John Roe` is one piece of text; write it as a list in brackets: `authors: [Jane Doe, John Roe]`',
    ]);
    expect(withField('tags: attention')).toEqual([
      '4: `tags` `attention` is one piece of text; write it as a list in brackets: `tags: [attention]`',
    ]);
    expect(withField('upvotes: "12"')).toEqual([
      '4: `upvotes` `12` is in quotes, so it is text; write the number without them: `upvotes: 12`',
    ]);
    expect(withField('code: [https://a.org, https://b.org]')).toEqual([
      '4: `code` `["https://a.org","https://b.org"]` is not one address; code takes one URL, e.g. `code: https://example.org`',
    ]);
    expect(problemsOf('---\ntitle: T\ndate: 2025-08-27T10:00:00+02:00\n---\nText.\n')).toEqual([
      '3: `date` `2025-08-27T10:00:00+02:00` is a day with a time; write the day alone: `date: 2025-08-27`',
    ]);
  });

  it('reports an unknown tag beside a misspelt field, not only once that is fixed', () => {
    const vocabulary = compileVocabulary(parseVocabulary('- id: attention\n  label: Attention\n', 'content/tags.yml'), 'content/tags.yml');
    const problems = validatePaperFile(
      '---\ntitle: T\ndate: 2025-01-01\nautors: [Ada]\ntags: [attention, atention, optics]\n---\nText.\n',
      'p.md',
      {
        vocabularyFile: 'content/tags.yml',
        vocabulary,
      },
    ).problems.map((p) => `${p.line ?? '-'}: ${p.message}`);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^4: `autors` is not a paper field; did you mean `authors`/);
    expect(problems[1]).toMatch(/^5: .*`atention`.*did you mean `attention`/);
    expect(problems[2]).toMatch(/^5: .*`optics`/);
  });

  it('counts the items of a list from 1, each on its own line', () => {
    expect(problemsOf('---\ntitle: T\ndate: 2025-01-01\nauthors:\n  - Ada Lovelace\n  - Alan Turing\n  - ""\n---\nText.\n')).toEqual([
      "7: `authors` (item 3) has an empty name; remove it or write the author's name",
    ]);
  });

  it('takes arXiv ids as arXiv numbers them, and knows an old id with its subject class is the same paper', () => {
    const arxivProblems = (id: string) => problemsOf(`---\ntitle: T\ndate: 2025-01-01\narxiv: "${id}"\n---\nText.\n`);
    for (const id of ['1412.1234', '2508.12345', '2508.12345v2', 'math/0211159', 'math.GT/0309136v1', 'hep-th/9901001'])
      expect(arxivProblems(id), id).toEqual([]);
    // A digit short for 2025, a digit too many for 2014, and a thirteenth month.
    for (const id of ['2508.1234', '1412.12345', '2513.12345'])
      expect(arxivProblems(id), id).toEqual([
        expect.stringMatching(new RegExp(`^4: \`arxiv\` \`${id.replace('.', '\\.')}\` is not an arXiv id`)),
      ]);
    expect(
      archiveProblems([
        { file: 'a.md', id: 'a', arxiv: 'math/0309136' },
        { file: 'b.md', id: 'b', arxiv: 'math.GT/0309136v2' },
      ]).map((p) => `${p.file}: ${p.message}`),
    ).toEqual(['b.md: arXiv math/0309136 is also in a.md; keep one file per paper']);
  });

  it('says where a quote left open opens, not where the frontmatter ends', () => {
    expect(problemsOf('---\ntitle: "Base\ndate: 2025-01-01\ncode: https://example.org\n---\nText.\n')).toEqual([
      '2: the frontmatter is not valid YAML: Missing closing "quote; close the quote at the end of the value',
    ]);
    expect(problemsOf("---\ntitle: 'It''s fine'\ndate: 2025-01-01\ncomment: 'open\n---\nText.\n")).toEqual([
      "4: the frontmatter is not valid YAML: Missing closing 'quote; close the quote at the end of the value",
    ]);
  });

  it('explains the YAML error a formula in double quotes makes', () => {
    const [message] = problemsOf('---\ntitle: "Bounds on \\(\\epsilon\\)-nets"\ndate: 2025-01-01\n---\nText.\n');
    expect(message).toMatch(
      /^2: the frontmatter is not valid YAML: .*escape.*; in double quotes a backslash starts an escape, so write the value in single quotes/,
    );
  });

  it('reads a title as its author meant it, or says why it cannot: YAML aliases, tags, comments and inner quotes', () => {
    const titled = (line: string) => problemsOf(`---\ndate: 2025-01-01\n${line}\n---\nText.\n`);
    // An alias with no anchor threw while the data was made: `check` stopped with no file named.
    expect(titled('title: *Attention*')).toEqual([
      "3: the frontmatter is not valid YAML: Unresolved alias (the anchor must be set before the alias): Attention*; a value that starts with `*` is read as a YAML alias, and one with `&` as an anchor: quote it, `title: '*Attention*'`",
    ]);
    expect(titled('title: *Bold* Attention')).toEqual([expect.stringMatching(/^3: .*quote it, `title: '\*Bold\* Attention'`$/)]);
    // The YAML library read `!Important result` as "result" and a warning; the build's reader refuses the tag.
    expect(titled('title: !Important result')).toEqual([
      "3: the frontmatter is not valid YAML: Unresolved tag: !Important; a value that starts with `!` is read as a YAML tag: quote it, `title: '!Important result'`",
    ]);
    expect(titled('title: Attention #1 is all')).toEqual([
      '3: `title` ends where ` #` starts a YAML comment, so "#1 is all" is left out of it; quote the value to keep the `#` (`title: \'Attention #1 is all\'`), or put a note on a line of its own',
    ]);
    expect(titled('title: The "best" model')).toEqual([]);
    expect(titled('title: "The "best" model"')).toEqual([
      expect.stringMatching(
        /^3: .*; a quoted value ends at its closing quote: quote the whole value in the other kind of quotes, `title: 'The "best" model'`$/,
      ),
    ]);
    expect(titled('title: @home')).toEqual([expect.stringMatching(/^3: .*quote it, `title: '@home'`$/)]);
    // Comments where comments belong, and a C# in a title, are not mistakes.
    expect(problemsOf('---\ntitle: C# at scale\ndate: 2025-01-01  # the day it was added\nvenue: ICML # main track\n---\nText.\n')).toEqual(
      [],
    );
    // Aliases themselves are YAML, and are read; a "billion laughs" of them is refused.
    expect(problemsOf('---\ntitle: T\ndate: 2025-01-01\nauthors: [&a Ada Lovelace, *a]\n---\nText.\n')).toEqual([]);
    const laughs = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...'bcdefgh'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefg'[i]}`).join(', ')}]`),
    ];
    expect(problemsOf(`---\ntitle: T\ndate: 2025-01-01\n${laughs.join('\n')}\n---\nText.\n`)).toEqual([
      expect.stringMatching(/^5: the frontmatter is not valid YAML: Excessive alias count/),
    ]);
  });

  it('names a misspelt field together with the bad values, and a misspelt required field once', () => {
    expect(problemsOf('---\ntitle: T\ndate: 2025-01-01\nautors: [Ada Lovelace]\nupvotes: -1\ntags: 5\n---\nText.\n')).toEqual([
      '6: `tags` must be a list, e.g. `tags: [reasoning, fine-tuning]`',
      '5: `upvotes` `-1` is not a number of upvotes; write a whole number from 0',
      '4: `autors` is not a paper field; did you mean `authors`?',
    ]);
    // A short word is one edit from what it meant, or no misspelling at all: `foo` was told "did you mean `doi`?".
    expect(problemsOf('---\ntitle: T\ndate: 2025-01-01\nfoo: bar\ndoj: x\n---\nText.\n')).toEqual([
      expect.stringMatching(/^4: `foo` is not a paper field; the fields are `title`, /),
      '5: `doj` is not a paper field; did you mean `doi`?',
    ]);
    expect(problemsOf('---\ntitel: T\ndate: 2025-01-01\n---\nText.\n')).toEqual([
      '-: `title` is missing; every paper needs a `title: "…"` line (`titel` on line 2 looks like a misspelling of it)',
    ]);
  });

  it('says when double quotes turned TeX into control characters, which YAML reads without an error', () => {
    // "\\nabla" in double quotes is a line break and "abla"; "\\theta" is a tab and "heta".
    expect(problemsOf('---\ntitle: "Bounds for $\\nabla f$ Under Mixing"\ndate: 2025-01-01\nauthors: ["A \\theta"]\n---\nText.\n')).toEqual(
      [
        '2: `title` holds a control character where the file has `\\n` in double quotes ("…Bounds for $�abla f$ Under Mixin…"): in double quotes YAML reads a backslash as an escape, so TeX such as `\\nabla`, `\\theta` or `\\Lambda` is lost; write the value in single quotes (\'$\\nabla f$\') or double each backslash ("$\\\\nabla f$")',
        expect.stringMatching(/^4: `authors` holds a control character where the file has `\\t` in double quotes/),
      ],
    );
    // YAML's own escapes that TeX's capitals start: `\Lambda`, `\Pi`, `\Nu`, and `\_`.
    for (const [tex, written, character] of [
      ['\\Lambda', '\\L', 'U+2028'],
      ['\\Pi', '\\P', 'U+2029'],
      ['\\Nu', '\\N', 'U+0085'],
      ['x\\_1', '\\_', 'U+00A0'],
    ])
      expect(problemsOf(`---\ntitle: "Bounds on $${tex}$"\ndate: 2025-01-01\n---\nText.\n`)[0]).toContain(
        `2: \`title\` holds ${character} where the file has \`${written}\` in double quotes`,
      );
    // A no-break space typed as itself is the title's own.
    expect(problemsOf('---\ntitle: "GPT\u00a04 at Scale"\ndate: 2025-01-01\n---\nText.\n')).toEqual([]);
    // Single quotes keep backslashes, and a block keeps its line breaks.
    expect(problemsOf("---\ntitle: 'Bounds for $\\nabla f$'\ndate: 2025-01-01\nsummary: |\n  One line.\n  Another.\n---\nText.\n")).toEqual(
      [],
    );
  });

  it('gives the fix for the YAML errors of a title with a colon, a list left open, and a bracket first', () => {
    const yamlError = (line: string) => problemsOf(`---\n${line}\ndate: 2025-01-01\n---\nText.\n`)[0];
    expect(yamlError('title: Attention: A Survey')).toMatch(
      /; a value with `: ` in it must be quoted: write it in single quotes \(`title: 'Attention: A Survey'`\)/,
    );
    expect(yamlError('authors: [Ada Lovelace, Alan Turing')).toMatch(/; a list in brackets closes on its line/);
    expect(yamlError('title: [Draft] Attention')).toMatch(/; a value that starts with `\[` or `\{` is read as a list or a map: quote it/);
    expect(yamlError('title: "Open quote')).toMatch(/; close the quote at the end of the value$/);
  });

  it('says when a file is not UTF-8: Latin-1 with the line, UTF-16 as such', () => {
    // What a UTF-8 reading makes of Latin-1's "é" (0xE9), and of UTF-16's byte order mark and zero bytes.
    expect(problemsOf('---\ntitle: Caf\uFFFD Latin\ndate: 2025-01-01\n---\nText.\n')).toEqual([
      '2: is not UTF-8: this line has a byte UTF-8 cannot read ("title: Caf\uFFFD Latin"), as Latin-1 or Windows-1252 writes an accent; save the file as UTF-8',
    ]);
    expect(problemsOf('\uFFFD\uFFFD-\u0000-\u0000-\u0000')).toEqual([
      '1: is not UTF-8 text: it is UTF-16 (what Windows calls "Unicode") or not text at all; save it as UTF-8 (in Notepad: Save as, Encoding: UTF-8)',
    ]);
  });

  it('reads a file that starts with a byte order mark, and says when the frontmatter is never closed', () => {
    expect(problemsOf('\uFEFF---\ntitle: Fine\ndate: 2025-01-01\n---\nText.\n')).toEqual([]);
    expect(problemsOf('---\ntitle: Open\ndate: 2025-01-01\n\nText.\n')).toEqual([
      '1: the frontmatter opened on line 1 is never closed; end the fields with a line `---`',
    ]);
    expect(problemsOf('Just text.\n')).toEqual(['1: has no frontmatter; start the file with `---`, the fields, and `---`']);
  });

  it('reads an MDX body as MDX does, and says where a JSX tag or expression is broken', () => {
    const problems = (body: string) =>
      validatePaperFile(`---\ntitle: MDX\ndate: 2025-01-01\n---\n${body}`, 'p.mdx', { vocabularyFile: 'content/tags.yml' }).problems.map(
        (p) => `${p.line}: ${p.message}`,
      );
    expect(problems('Fine <b>x</b>, {1 + 1} and \\(x^2\\).\n')).toEqual([]);
    // A `<` or `{` in a formula is TeX, as the build reads it: it was taken for a broken JSX tag.
    expect(problems('We show $a<b$, \\(c<d\\) and $x_{i}$.\n\n$$\na<b\n$$\n')).toEqual([]);
    expect(problems('One line.\n\nHello <Foo bar={1 + }>unclosed\n')).toEqual([
      '7: MDX cannot read this: Could not parse expression with acorn; close the JSX tag or `{…}` expression, or write a literal < or { as \\< or \\{',
    ]);
  });

  it('says which components an MDX body uses and never imports, where its page would fail to render', () => {
    const problems = (body: string) =>
      validatePaperFile(`---\ntitle: MDX\ndate: 2025-01-01\n---\n${body}`, 'p.mdx', { vocabularyFile: 'content/tags.yml' }).problems.map(
        (p) => `${p.line}: ${p.message}`,
      );
    expect(problems('Text.\n\n<Chart data={[1, 2]} />\n\nAnd <charts.Bar /> inline, <div>HTML</div> and <>a fragment</>.\n')).toEqual([
      "7: `<Chart>` is a component this file never imports, so its page would fail to render; import it before it is used (`import Chart from '…'`), or write `\\<Chart>` for the text itself",
      "9: `<charts.Bar>` is a component this file never imports, so its page would fail to render; import it before it is used (`import charts from '…'`), or write `\\<charts.Bar>` for the text itself",
    ]);
    // Imported, or exported by the file itself, a component is defined; so is any name, should the file export its component map.
    expect(
      problems("import Chart from '../../src/Chart.astro';\nimport * as charts from '../../src/charts.ts';\n\n<Chart /> <charts.Bar />\n"),
    ).toEqual([]);
    expect(problems('export const Note = (props) => <aside>{props.children}</aside>;\n\n<Note>Hi</Note>\n')).toEqual([]);
    expect(problems('export const components = { Note: () => null };\n\n<Note />\n')).toEqual([]);
  });

  it("says which files an MDX paper imports that are not there, read from the paper's folder", () => {
    const root = mkdtempSync(join(tmpdir(), 'papershelf-mdx-imports-'));
    try {
      mkdirSync(join(root, 'content', 'papers'), { recursive: true });
      mkdirSync(join(root, 'src', 'components'), { recursive: true });
      writeFileSync(join(root, 'src', 'components', 'Note.astro'), '<aside><slot /></aside>');
      const body = [
        "import Note from '../../src/components/Note.astro';",
        "import Chart from '../../src/components/Chart.astro';",
        "import Bare from '../../src/components/Note';",
        "import raw from '../../src/components/Note.astro?raw';",
        "import Missing from './missing';",
        "import { z } from 'astro/zod';",
        '',
        '<Note>Hi</Note> <Chart /> <Bare /> <Missing />',
      ].join('\n');
      const problems = validatePaperFile(`---\ntitle: MDX\ndate: 2025-01-01\n---\n${body}\n`, 'content/papers/p.mdx', {
        vocabularyFile: 'content/tags.yml',
        root,
      }).problems.map((p) => `${p.line}: ${p.message}`);
      expect(problems).toEqual([
        "6: imports `../../src/components/Chart.astro`, and there is no `src/components/Chart.astro`, so the build would stop; fix the path (it goes from the paper's own folder) or add the file",
        "9: imports `./missing`, and there is no `content/papers/missing`, so the build would stop; fix the path (it goes from the paper's own folder) or add the file",
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("says a body nested too deep to read is this file's problem, rather than stopping every check", () => {
    expect(problemsOf(`---\ntitle: T\ndate: 2025-01-01\n---\n${'>'.repeat(6000)} x\n`)).toEqual([
      '-: could not be read (Maximum call stack size exceeded): its Markdown nests too deep or is too large to check; simplify its body',
    ]);
  });

  it('reports a $$ block that is never closed, and still the formulas of the text after it', () => {
    expect(problemsOf('---\ntitle: T\ndate: 2025-01-01\n---\nBefore.\n\n$$\nx^2\n\nAfter, $\\frac{1}{$.\n')).toEqual([
      '7: `$$` opens a formula block that is never closed, so the rest of the text would be its TeX; add a line `$$` where the formula ends, or write `\\$\\$` for the characters themselves',
      expect.stringMatching(/^10: formula `\\frac\{1\}\{`: KaTeX parse error/),
    ]);
    expect(problemsOf('---\ntitle: T\ndate: 2025-01-01\n---\n$$\nx^2\n$$\n')).toEqual([]);
  });

  it('reports a \\( or \\[ never closed in the title, as in the body', () => {
    const titled = (title: string) => problemsOf(`---\ntitle: '${title}'\ndate: 2025-01-01\n---\nText.\n`);
    expect(titled('Bounds \\(x^2 forever')).toEqual([
      '2: `\\(` opens a formula that is never closed in the title; add `\\)` where the formula ends, or write `\\\\(` for the characters themselves',
    ]);
    expect(titled('Fine \\(x\\), escaped \\\\( and $5')).toEqual([]);
  });

  it('reports a \\( or \\[ that is never closed in its paragraph, not an escaped one', () => {
    expect(
      problemsOf('---\ntitle: T\ndate: 2025-01-01\n---\nA \\(x + y never closed.\n\nFine \\(a\\), escaped \\\\( and \\[ z.\n'),
    ).toEqual([
      '5: `\\(` opens a formula that is never closed in its paragraph; add `\\)` where the formula ends, or write `\\\\(` for the characters themselves',
      '7: `\\[` opens a formula that is never closed in its paragraph; add `\\]` where the formula ends, or write `\\\\[` for the characters themselves',
    ]);
  });

  it('renders display math inside a paragraph in display mode, and keeps a \\gdef for the formulas after it', () => {
    const body =
      'So \\[\\begin{align} e &= f \\end{align}\\] holds, with $$x \\tag{1}$$.\n\nLet \\(\\gdef\\Foo{\\mathbb{F}}\\) and \\(\\Foo^n\\).\n';
    expect(problemsOf(`---\ntitle: Display\ndate: 2025-01-01\n---\n${body}`)).toEqual([]);
    // Inline, the same environment is an error, reported on its line.
    expect(problemsOf('---\ntitle: Inline\ndate: 2025-01-01\n---\nSo \\(\\begin{align} e &= f \\end{align}\\).\n')).toEqual([
      expect.stringMatching(/^5: formula `\\begin\{align\}.*can be used only in display mode/),
    ]);
  });
});
