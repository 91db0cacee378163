// Bad paper files stop the build with one message naming the file, the line, the field, the value and the fix.
import { describe, expect, it } from 'vitest';
import { astroBin, buildFixture, paperFile, repoRoot, run } from '../support/fixture-site.ts';

const ok = paperFile('title: Fine\ndate: 2025-08-27', 'Fine.');

async function errorOf(name: string, files: Record<string, string>): Promise<string> {
  const site = await buildFixture(name, { 'content/papers/fine.md': ok, ...files });
  expect(site.code).not.toBe(0);
  return site.output;
}

describe('schema errors', () => {
  it('an impossible date', async () => {
    const output = await errorOf('bad-date', { 'content/papers/bad.md': paperFile('title: Bad\ndate: 2025-02-30', 'x') });
    expect(output).toContain('content/papers/bad.md does not fit the paper schema:\ncontent/papers/bad.md:3: `date` `2025-02-30` is not a real day; write date as YYYY-MM-DD, e.g. `date: 2025-08-27`');
  });

  it('a javascript: URL, a malformed arXiv id and a typo, all at once', async () => {
    const output = await errorOf('bad-fields', {
      'content/papers/bad.md': paperFile('title: Bad\ndate: 2025-08-27\ncode: "javascript:alert(1)"\narxiv: "arXiv:2404.1"\nauthor: ["A"]', 'x'),
    });
    expect(output).toContain('content/papers/bad.md:4: `code` `javascript:alert(1)` is not an http(s) URL; code must start with https:// or http://');
    expect(output).toContain('content/papers/bad.md:5: `arxiv` `arXiv:2404.1` is not an arXiv id; write it as `2006.04768`, `2006.04768v3` or `math/0211159`, without "arXiv:" or a URL');
    expect(output).toContain('content/papers/bad.md:6: `author` is not a paper field; did you mean `authors`?');
  });

  it('a misspelt required field', async () => {
    const output = await errorOf('typo-date', { 'content/papers/bad.md': paperFile('title: Bad\ndat: 2025-08-27', 'x') });
    expect(output).toContain('content/papers/bad.md: `date` is missing; write it as YYYY-MM-DD, e.g. `date: 2025-08-27` (`dat` on line 3 looks like a misspelling of it)');
  });

  it('a missing title', async () => {
    const output = await errorOf('no-title', { 'content/papers/bad.md': paperFile('date: 2025-08-27', 'x') });
    expect(output).toContain('content/papers/bad.md: `title` is missing; every paper needs a `title: "…"` line');
  });

  it('two files for the same arXiv paper', async () => {
    const output = await errorOf('duplicate-arxiv', {
      'content/papers/a.md': paperFile('title: A\ndate: 2025-08-27\narxiv: 2006.04768', 'x'),
      'content/papers/b.md': paperFile('title: B\ndate: 2025-08-27\narxiv: 2006.04768v3', 'x'),
    });
    expect(output).toContain('Two paper files hold the same arXiv paper:\narXiv 2006.04768 is in `content/papers/a.md` and `content/papers/b.md`');
  });

  it('a failed formula is reported again by a rebuild that takes the paper from the content cache', async () => {
    const files = { 'content/papers/bad.md': paperFile('title: Bad\ndate: 2025-08-27', 'Fine $x$.\n\nBroken $\\frac{$.') };
    const first = await buildFixture('math-cached', files);
    const again = await run(process.execPath, [astroBin, 'build', '--root', first.root], repoRoot);
    for (const output of [first.output, again.output]) {
      expect(output).toContain('content/papers/bad.md:7: KaTeX parse error');
      expect(output).toContain('math: 1 formula failed to render');
    }
  });

  it('a failed formula fails the build when math.failOnError is set', async () => {
    const site = await buildFixture('fail-on-math', { 'content/papers/bad.md': paperFile('title: Bad\ndate: 2025-08-27', 'Broken $\\frac{$.') }, { integration: '{ math: { failOnError: true } }' });
    expect(site.code).not.toBe(0);
    expect(site.output).toContain('content/papers/bad.md:5: KaTeX parse error');
    expect(site.output).toContain('math: 1 formula failed to render');
  });

  it('a typo in the integration options', async () => {
    const site = await buildFixture('bad-option', { 'content/papers/fine.md': ok }, { integration: '{ macro: {} }' });
    expect(site.code).not.toBe(0);
    expect(site.output).toContain('Invalid papershelf() options:');
    expect(site.output).toContain('macro');
  });
});
