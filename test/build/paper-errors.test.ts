// Bad paper files stop the build once, listing every problem of every file as `file:line: message`: exactly the
// lines `papershelf check` prints for the same files, because both run one validator.
import { describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { astroBin, buildFixture, paperFile, repoRoot, run } from '../support/fixture-site.ts';

const ok = paperFile('title: Fine\ndate: 2025-08-27', 'Fine.');

/** Bad files of every kind the validator knows, all in one archive. */
const badFiles = {
  'content/tags.yml': '- id: fine-tuning\n  label: Fine-tuning\n',
  'content/papers/fine.md': ok,
  'content/papers/bad-date.md': paperFile('title: Bad\ndate: 2025-02-30', 'x'),
  'content/papers/bad-fields.md': paperFile(
    'title: Bad\ndate: 2025-08-27\ncode: "javascript:alert(1)"\narxiv: "arXiv:2404.1"\nauthor: ["A"]',
    'x',
  ),
  'content/papers/typo-date.md': paperFile('title: Bad\ndat: 2025-08-27', 'x'),
  'content/papers/no-title.md': paperFile('date: 2025-08-27', 'x'),
  'content/papers/bad-yaml.md': paperFile('title: Bad: yaml: here\ndate: 2025-08-27', 'x'),
  'content/papers/unknown-tag.md': paperFile('title: Tags\ndate: 2025-08-27\ntags:\n  - finetuning\n  - quantum', 'x'),
  'content/papers/a.md': paperFile('title: A\ndate: 2025-08-27\narxiv: 2006.04768', 'x'),
  'content/papers/b.md': paperFile('title: B\ndate: 2025-08-27\narxiv: 2006.04768v3', 'x'),
  'content/papers/newest.md': paperFile('title: Named like a page\ndate: 2025-08-27', 'x'),
  // Its address is /papers/by-title/ too: the loader lowercases the name and makes the space a hyphen.
  'content/papers/By Title.md': paperFile('title: Named like a page, spelled otherwise\ndate: 2025-08-27', 'x'),
  // Two files, one address: the build would keep one and drop the other without a word.
  'content/papers/Same Name.md': paperFile('title: Upper case\ndate: 2025-08-27', 'x'),
  'content/papers/same-name.md': paperFile('title: Lower case\ndate: 2025-08-27', 'x'),
  // A duplicate arXiv id is reported even while the file has another problem.
  'content/papers/c.md': paperFile('title: C\ndate: 2025-13-27\narxiv: 2006.04768v2', 'x'),
  // A broken JSX expression: named with its line, not a bundler's stack trace.
  'content/papers/broken.mdx': paperFile('title: Broken MDX\ndate: 2025-08-27', 'Hello <Foo bar={1 + }>unclosed'),
  // A component never imported: MDX compiles it, and the page failed as it was rendered, with Astro's stack trace.
  'content/papers/chart.mdx': paperFile('title: Chart\ndate: 2025-08-27', 'Results:\n\n<Chart data={[1, 2]} />'),
  // An import of a file that is not there: the bundler stopped the build with its own trace, not the paper's line.
  'content/papers/gone.mdx': paperFile(
    'title: Gone\ndate: 2025-08-27',
    "import Note from '../../src/components/Note.astro';\n\n<Note>x</Note>",
  ),
  // A YAML alias with no anchor: `check` stopped at it with no file named, the other files unchecked.
  'content/papers/alias.md': paperFile('title: *Attention*\ndate: 2025-08-27', 'x'),
  // A byte order mark before the frontmatter (some Windows editors write one) is no problem.
  'content/papers/bom.md': `\uFEFF${paperFile('title: With a BOM\ndate: 2025-08-27', 'x')}`,
};

const expectedLines = [
  "content/papers/alias.md:2: the frontmatter is not valid YAML: Unresolved alias (the anchor must be set before the alias): Attention*; a value that starts with `*` is read as a YAML alias, and one with `&` as an anchor: quote it, `title: '*Attention*'`",
  'content/papers/b.md: arXiv 2006.04768 is also in content/papers/a.md, content/papers/c.md; keep one file per paper',
  'content/papers/bad-date.md:3: `date` `2025-02-30` is not a real day; write date as YYYY-MM-DD, e.g. `date: 2025-08-27`',
  'content/papers/bad-fields.md:4: `code` `javascript:alert(1)` is not an http(s) URL; code must start with https:// or http://',
  'content/papers/bad-fields.md:5: `arxiv` `arXiv:2404.1` is not an arXiv id; write it as `2006.04768`, `2006.04768v3` or `math/0211159`, without "arXiv:" or a URL',
  'content/papers/bad-fields.md:6: `author` is not a paper field; did you mean `authors`?',
  "content/papers/bad-yaml.md:2: the frontmatter is not valid YAML: Nested mappings are not allowed in compact mappings; a value with `: ` in it must be quoted: write it in single quotes (`title: 'Attention: A Survey'`), with any ' inside doubled (`'It''s'`)",
  'content/papers/broken.mdx:5: MDX cannot read this: Could not parse expression with acorn; close the JSX tag or `{…}` expression, or write a literal < or { as \\< or \\{',
  "content/papers/By Title.md: its address `by-title` is reserved for the archive's pages; rename the file",
  'content/papers/c.md:3: `date` `2025-13-27` is not a real day; write date as YYYY-MM-DD, e.g. `date: 2025-08-27`',
  "content/papers/chart.mdx:7: `<Chart>` is a component this file never imports, so its page would fail to render; import it before it is used (`import Chart from '…'`), or write `\\<Chart>` for the text itself",
  "content/papers/gone.mdx:5: imports `../../src/components/Note.astro`, and there is no `src/components/Note.astro`, so the build would stop; fix the path (it goes from the paper's own folder) or add the file",
  "content/papers/newest.md: its address `newest` is reserved for the archive's pages; rename the file",
  'content/papers/no-title.md: `title` is missing; every paper needs a `title: "…"` line',
  'content/papers/same-name.md: makes the same address as content/papers/Same Name.md (`same-name`: file names are lowercased, spaces become hyphens), so the build would keep only one of them; rename one',
  'content/papers/typo-date.md: `date` is missing; write it as YYYY-MM-DD, e.g. `date: 2025-08-27` (`dat` on line 3 looks like a misspelling of it)',
  'content/papers/unknown-tag.md:5: tag `finetuning` is not in content/tags.yml; did you mean `fine-tuning`?',
  'content/papers/unknown-tag.md:6: tag `quantum` is not in content/tags.yml; add it to content/tags.yml',
];

describe('bad paper files', () => {
  it('stop the build once with every problem of every file, the same lines `papershelf check` prints', async () => {
    const site = await buildFixture('bad-papers', badFiles);
    expect(site.code).not.toBe(0);
    expect(site.output).toContain(`Paper files have ${expectedLines.length} problems:\n${expectedLines.join('\n')}`);
    expect(site.output).toContain('set `freeTags: true`); `npm run papers -- check` lists the same problems without building');
    const cli = join(repoRoot, 'node_modules', '.bin', 'papershelf');
    const check = await run(cli, ['check'], site.root, { PATH: `${dirname(process.execPath)}:${process.env['PATH'] ?? ''}` });
    expect(check.code).toBe(1);
    expect(check.output.trim().split('\n')).toEqual([...expectedLines, `checked 19 papers: ${expectedLines.length} problems`]);
  });

  it('named so the build could not read them or give them an address stop it, as `papershelf check` says, and dot files are no papers', async () => {
    const named = (file: string) => paperFile(`title: ${JSON.stringify(file)}\ndate: 2025-08-27`, 'x');
    const site = await buildFixture('misnamed-papers', {
      'content/papers/fine.md': ok,
      'content/papers/C# Tricks.md': named('C# Tricks'),
      'content/papers/!!!.md': named('Bangs'),
      'content/papers/sub/nested.md': named('Nested'),
      'content/papers/Cafe\u0301.md': named('Café'),
      'content/papers/Upper.MD': named('Upper'),
      // A macOS resource file and a hidden file: neither is a paper, for the build as for check.
      'content/papers/._fine.md': '\u0000\u0005binary',
      'content/papers/.hidden.md': named('Hidden'),
    });
    const lines = [
      'content/papers/!!!.md: has no letter or digit in its name, so its page would have no address; rename it (the name is the address: `my-paper.md` is `/papers/my-paper/`)',
      'content/papers/C# Tricks.md: has `#` in its name, which the build reads as part of a web address and then cannot find the file; rename it without it',
      'content/papers/Cafe\u0301.md: has a letter written as a letter and a combining accent in its name (as macOS may save `é`), which the build cannot make an address of; rename it, typing the accented letter',
      "content/papers/sub/nested.md: is in a folder of the papers folder, and a paper's address is its file name alone; move it into the papers folder itself (a folder whose name starts with `_` keeps its files out)",
      'content/papers/Upper.MD: ends in `.MD`, which the build does not read; rename it to end in `.md` (or `.mdx`)',
    ];
    expect(site.code).not.toBe(0);
    expect(site.output).toContain(`Paper files have 5 problems:\n${lines.join('\n')}`);
    const cli = join(repoRoot, 'node_modules', '.bin', 'papershelf');
    const check = await run(cli, ['check'], site.root, { PATH: `${dirname(process.execPath)}:${process.env['PATH'] ?? ''}` });
    expect(check.output.trim().split('\n')).toEqual([...lines, 'checked 6 papers: 5 problems']);
    // Renamed and moved, they build; the dot files stay out.
    const renamed = await buildFixture('misnamed-papers-renamed', {
      'content/papers/fine.md': ok,
      'content/papers/c-sharp-tricks.md': named('C# Tricks'),
      'content/papers/café.md': named('Café'),
      'content/papers/._fine.md': '\u0000\u0005binary',
      'content/papers/.hidden.md': named('Hidden'),
    });
    expect(renamed.code, renamed.output).toBe(0);
    expect(renamed.output).toContain('archive: 3 papers');
  });

  it('are read again by the next build, not skipped as unchanged', async () => {
    const files = { 'content/papers/fine.md': ok, 'content/papers/bad.md': paperFile('title: Bad\ndate: 2025-02-30', 'x') };
    const first = await buildFixture('bad-papers-again', files);
    const again = await run(process.execPath, [astroBin, 'build', '--root', first.root], repoRoot);
    for (const output of [first.output, again.output])
      expect(output).toContain('A paper file has a problem:\ncontent/papers/bad.md:3: `date` `2025-02-30` is not a real day');
    expect(again.code).not.toBe(0);
  });

  it('every failed formula is in the report with its file and line, again when the page comes from the content cache', async () => {
    const files = {
      // An undefined command is no parse error: KaTeX draws it in red, so only rehype-katex's message tells.
      'content/papers/bad.md': paperFile(
        'title: Bad $\\softmx{t}$ title\ndate: 2025-08-27',
        'Fine $x$ and $\\softmx{x}$.\n\nBroken $\\frac{$ and fine $y$ and $\\softmx{x}$ again.\n\nOpened \\(x + y and never closed.',
      ),
      'content/papers/other.md': paperFile('title: Other\ndate: 2025-08-26', 'Fine.\n\n$$\n\\badcmd\n$$'),
    };
    const first = await buildFixture('math-cached', files);
    const again = await run(process.execPath, [astroBin, 'build', '--root', first.root], repoRoot);
    for (const output of [first.output, again.output]) {
      const report = output
        .split('\n')
        .filter((line) => /content\/papers\/\w+\.md(:\d+)?: /.test(line))
        .map((line) => line.replace(/^.*?(content\/papers)/, '$1'));
      expect(report).toEqual([
        'content/papers/bad.md:2: KaTeX parse error: Undefined control sequence: \\softmx at position 1: \\̲s̲o̲f̲t̲m̲x̲{t}',
        'content/papers/bad.md:5: KaTeX parse error: Undefined control sequence: \\softmx at position 1: \\̲s̲o̲f̲t̲m̲x̲{x}',
        "content/papers/bad.md:7: KaTeX parse error: Unexpected end of input in a macro argument, expected '}' at end of input: \\frac{",
        'content/papers/bad.md:7: KaTeX parse error: Undefined control sequence: \\softmx at position 1: \\̲s̲o̲f̲t̲m̲x̲{x}',
        'content/papers/bad.md:9: `\\(` opens a formula that is never closed in its paragraph; add `\\)` where the formula ends, or write `\\\\(` for the characters themselves',
        'content/papers/other.md:7: KaTeX parse error: Undefined control sequence: \\badcmd at position 1: \\̲b̲a̲d̲c̲m̲d̲',
      ]);
      expect(output).toContain('math: 6 formulas failed to render');
    }
    // The unclosed opener is shown as written, marked, with the text around it.
    const page = await readFile(join(first.root, 'dist/papers/bad/index.html'), 'utf8');
    expect(page).toMatch(
      /Opened <span class="math-unclosed" data-math-error="[^"]+" data-math-source="content\/papers\/bad\.md:9">\\\(<\/span>x \+ y and never closed\./,
    );
    // The next build reads only the page it wrote again: the fixed formula leaves the report, the others stay.
    await writeFile(join(first.root, 'content/papers/other.md'), paperFile('title: Other\ndate: 2025-08-26', 'Fine.\n\n$$\n\\sum\n$$'));
    const fixed = await run(process.execPath, [astroBin, 'build', '--root', first.root], repoRoot);
    expect(fixed.code, fixed.output).toBe(0);
    expect(fixed.output).not.toContain('badcmd');
    expect(fixed.output).toContain('content/papers/bad.md:7: KaTeX parse error: Undefined control sequence');
    expect(fixed.output).toContain('math: 5 formulas failed to render');
  });

  it('a failed formula fails the build when math.failOnError is set', async () => {
    const site = await buildFixture(
      'fail-on-math',
      { 'content/papers/bad.md': paperFile('title: Bad\ndate: 2025-08-27', 'Broken $\\frac{$.') },
      { integration: '{ math: { failOnError: true } }' },
    );
    expect(site.code).not.toBe(0);
    expect(site.output).toContain('content/papers/bad.md:5: KaTeX parse error');
    expect(site.output).toContain('math: 1 formula failed to render');
  });
});
