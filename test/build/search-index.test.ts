// The build's Pagefind step on a fixture: only paper pages, the count printed, and maxFragments honoured; and the
// index Pagefind writes from the pages reduced to what it reads, with the search fields the published pages do
// without, is the one it writes from the whole pages with those fields.
import { describe, expect, it } from 'vitest';
import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { astroBin, buildFixture, childEnv, paperFile, repoRoot, run, writeFixture } from '../support/fixture-site.ts';
import { buildSearchIndex } from '../../plugins/papershelf/src/search/build-search-index.ts';
import { reducedPage } from '../../plugins/papershelf/src/search/search-input.ts';
import { pagefindPackage } from '../../plugins/papershelf/src/search/pagefind-package.ts';

const papers = Object.fromEntries(
  Array.from({ length: 7 }, (_, i) => [
    `content/papers/p${i}.md`,
    paperFile(`title: Paper number ${i}\ndate: 2025-08-2${i}\ntags: [t${i % 2}]`, `Abstract ${i} about attention.`),
  ]),
);

describe('the search index', () => {
  it('indexes only the paper pages, says how many, and bundles fragments under maxFragments', async () => {
    // Without incremental builds, the copies Pagefind reads are made in a temporary folder.
    const site = await buildFixture('search-index', papers, { integration: '{ incrementalBuild: false, search: { maxFragments: 2 } }' });
    expect(site.code, site.output).toBe(0);
    expect(site.output).toContain('search: indexing paper pages with Pagefind, from copies reduced to what it reads…');
    expect(site.output).toMatch(/search: indexed 7 pages into dist\/pagefind\/ \(\d+ files, \d+ KB\) in \d+\.\d s/);
    // The tag filter came with the copies: the published pages have none.
    expect(await readdir(join(site.root, 'dist', 'pagefind', 'filter'))).not.toEqual([]);
    expect(await site.read('papers/p1/index.html')).not.toMatch(/data-pagefind-filter=/);
    const entry = JSON.parse(await site.read('pagefind/pagefind-entry.json')) as { languages: Record<string, { page_count: number }> };
    expect(Object.values(entry.languages).map((l) => l.page_count)).toEqual([7]);
    const fragments = await readdir(join(site.root, 'dist', 'pagefind', 'fragment'));
    expect(fragments.length).toBeGreaterThan(0);
    expect(fragments.length).toBeLessThanOrEqual(2);
    // Pagefind's script comes minified: its wasm glue's long local names (`passStringToWasm0`) are gone, its exports kept.
    const script = await site.read('pagefind/pagefind.js');
    expect(script).not.toContain('passStringToWasm0');
    expect(script).toMatch(/export\s*\{[^}]*\bcreateInstance\b[^}]*\bsearch\b/);
  }, 120_000);
});

// Papers with all a page gives Pagefind: formulas in title and abstract, several authors (two with author pages),
// file and rule tags, code, an arXiv id, Markdown in the abstract.
const richPapers = Object.fromEntries(
  Array.from({ length: 6 }, (_, i) => [
    `content/papers/r${i}.md`,
    paperFile(
      [
        `title: "Sparse $k$-attention, part ${i}"`,
        `date: 2025-08-2${i % 3}`,
        `authors: [Ada Lovelace, Émile Borel, Author ${i}]`,
        `tags: [t${i % 2}, attention]`,
        `arxiv: "2508.0000${i}"`,
        ...(i % 2 ? [`code: https://github.com/example/r${i}`] : []),
      ].join('\n'),
      `We bound \\(\\sum_i x_i^2\\) with **sparse attention** and $O(n \\log n)$ memory, e.g. in paper ${i}; fine\\(-\\)tuning and re$k$ranking.\n\n$$\\int_0^1 f(x)\\,dx$$`,
    ),
  ]),
);

async function files(folder: string): Promise<Map<string, Buffer>> {
  const names = (await readdir(folder, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  return new Map(
    await Promise.all(
      names.map(async (e) => [join(e.parentPath, e.name).slice(folder.length), await readFile(join(e.parentPath, e.name))] as const),
    ),
  );
}

describe('the pages Pagefind reads', () => {
  it('carry their search fields only in the copies, which give the index the whole pages with their fields give', async () => {
    const site = await buildFixture('search-input', richPapers, { integration: '{ search: { maxFragments: 3 } }' });
    expect(site.code, site.output).toBe(0);
    // A first build renders every paper page, so Pagefind indexed their copies while the rest of the site was rendered:
    // the search fields first, then every page under papers/, then the others.
    expect(site.output).toMatch(
      /search: indexed 6 pages into dist\/pagefind\/ \(\d+ files, \d+ KB\) in \d+\.\d s, while the rest of the site was rendered/,
    );
    expect(site.output).not.toContain('search: indexing paper pages with Pagefind');
    const rendered = [...site.output.matchAll(/[├└]─ (\/[^\s(]+?\.(?:html|json|xml|bib|txt|svg))/g)].map((m) => m[1]!);
    const lastUnderPapers = rendered.findLastIndex((page) => page.startsWith('/papers/'));
    expect(rendered[0]).toBe('/_papershelf/search-fields.json');
    expect(rendered.slice(1, lastUnderPapers + 1).every((page) => page.startsWith('/papers/'))).toBe(true);
    expect(rendered.slice(lastUnderPapers + 1)).toEqual(expect.arrayContaining(['/tags/index.html', '/index.html']));
    const dist = join(site.root, 'dist');
    const copies = join(site.root, 'node_modules', '.astro', 'papershelf-search-input', 'site');
    // The published pages carry no search field, and the list the build handed on is gone.
    for (let i = 0; i < 6; i++) {
      const page = await site.read(`papers/r${i}/index.html`);
      expect(page, `r${i}`).not.toMatch(/data-pagefind-(?:meta|filter|sort)=/);
      expect(reducedPage(page), `r${i}`).toBeDefined();
    }
    await expect(readdir(join(dist, '_papershelf'))).rejects.toThrow();
    // Every filter of the search page is in the index: tags, years and code.
    const copy = await readFile(join(copies, 'papers', 'r1', 'index.html'), 'utf8');
    const filters = [...copy.matchAll(/data-pagefind-filter="(\w+)">([^<]*)</g)].map((m) => `${m[1]}:${m[2]}`);
    expect(filters).toEqual(expect.arrayContaining(['year:2025', 'code:Has code']));
    expect(filters.some((filter) => filter.startsWith('tag:'))).toBe(true);
    expect(await readdir(join(dist, 'pagefind', 'filter'))).not.toEqual([]);

    // The same pages, whole, with the fields each copy was given at the end of their body, indexed by the same step.
    const whole = await mkdtemp(join(tmpdir(), 'search-input-'));
    await cp(dist, whole, { recursive: true });
    await rm(join(whole, 'pagefind'), { recursive: true });
    for (let i = 0; i < 6; i++) {
      const page = join(whole, 'papers', `r${i}`, 'index.html');
      const fields = /<div class="search-fields" hidden>.*?<\/div>/.exec(
        await readFile(join(copies, 'papers', `r${i}`, 'index.html'), 'utf8'),
      )![0];
      await writeFile(page, (await readFile(page, 'utf8')).replace('</body>', `${fields}</body>`));
    }
    await buildSearchIndex(whole, { maxFragments: 3 }, { folder: 'papers/' });
    const [fromCopies, fromPages] = await Promise.all([files(join(dist, 'pagefind')), files(join(whole, 'pagefind'))]);
    expect([...fromCopies.keys()].sort()).toEqual([...fromPages.keys()].sort());
    expect(fromCopies.size).toBeGreaterThan(10);
    for (const [name, bytes] of fromPages) expect(fromCopies.get(name)!.equals(bytes), name).toBe(true);

    // After one edit the other pages are restored, so Pagefind waits for the build; the edited page's copy was made
    // as it was rendered, and counts as read again.
    await appendFile(join(site.root, 'content', 'papers', 'r0.md'), '\nEdited with zanzibar.\n');
    const again = await run(process.execPath, [astroBin, 'build', '--root', site.root], repoRoot);
    expect(again.code, again.output).toBe(0);
    // The edited page, and a listing under papers/ that shows its abstract: the other papers' copies were kept.
    const counts = /from copies reduced to what it reads \((\d+) pages? read again since the last build, (\d+) unchanged\)…/.exec(
      again.output,
    );
    expect(counts, again.output).not.toBeNull();
    expect(Number(counts![1])).toBeGreaterThanOrEqual(1);
    expect(Number(counts![1])).toBeLessThanOrEqual(2);
    expect(Number(counts![2])).toBeGreaterThanOrEqual(5);
    expect(again.output).not.toContain('while the rest of the site was rendered');
    expect(await readFile(join(copies, 'papers', 'r0', 'index.html'), 'utf8')).toContain('zanzibar');
    const entry = JSON.parse(await site.read('pagefind/pagefind-entry.json')) as { languages: Record<string, { page_count: number }> };
    expect(Object.values(entry.languages).map((l) => l.page_count)).toEqual([6]);
  }, 120_000);
});

describe('a paper page rewritten after it was rendered', () => {
  it('is indexed as it is in dist/, not as it was rendered', async () => {
    // An integration listed before Papershelf rewrites one paper page in its build step, which runs before Papershelf's.
    const config = `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import papershelf from 'astro-papershelf';
import { readFileSync, writeFileSync } from 'node:fs';
const rewrite = {
  name: 'rewrite',
  hooks: {
    'astro:build:done': ({ dir }) => {
      const page = new URL('papers/p3/index.html', dir);
      writeFileSync(page, readFileSync(page, 'utf8').replace('<p>Abstract 3 about attention.</p>', '<p>Abstract 3 about attention and quokkas.</p>'));
    },
  },
};
export default defineConfig({ site: 'https://example.org', integrations: [mdx(), rewrite, papershelf()] });
`;
    const site = await buildFixture('search-rewritten', { ...papers, 'astro.config.mjs': config });
    expect(site.code, site.output).toBe(0);
    expect(await site.read('papers/p3/index.html')).toContain('quokkas');
    // Pagefind ran beside the rendering on the page as rendered, so it ran again after the build on the page as it is.
    expect(site.output).toMatch(/search: indexed 7 pages into dist\/pagefind\/ \(\d+ files, \d+ KB\) in \d+\.\d s$/m);
    expect(site.output).not.toContain('while the rest of the site was rendered');
    // And the log says why it ran twice.
    expect(site.output).toContain(
      'search: 1 paper page (papers/p3/index.html) changed in dist/ after it was rendered and read by Pagefind (an integration listed before Papershelf rewrote or added it), so Pagefind indexes the pages again as published',
    );
    const copies = join(site.root, 'node_modules', '.astro', 'papershelf-search-input', 'site');
    expect(await readFile(join(copies, 'papers', 'p3', 'index.html'), 'utf8')).toContain('quokkas');
    // Pagefind's fragments (gzip, after a signature) hold each page's text, as results show it.
    const fragments = join(site.root, 'dist', 'pagefind', 'fragment');
    const texts = await Promise.all(
      (await readdir(fragments)).map(async (name) => gunzipSync(await readFile(join(fragments, name))).toString('utf8')),
    );
    expect(texts.filter((text) => text.includes('Abstract 3 about attention and quokkas.'))).toHaveLength(1);
  }, 120_000);
});

describe('a build that fails while Pagefind indexes', () => {
  it('stops Pagefind and removes its working folder', async () => {
    // Pagefind starts once the pages under papers/ are rendered, and on seven papers it would be done before the next
    // page fails. It is reached through the variable Pagefind's own script honours, as a script that records its process,
    // waits, then runs the real program: still waiting when the page after the papers fails.
    const { binary } = await pagefindPackage();
    const root = await mkdtemp(join(tmpdir(), 'pagefind-stopped-'));
    const record = join(root, 'pagefind.pid');
    const slowPagefind = join(root, 'slow-pagefind.mjs');
    const script = [
      `#!${process.execPath}`,
      "import { spawnSync } from 'node:child_process';",
      "import { writeFileSync } from 'node:fs';",
      "import { getPriority } from 'node:os';",
      `writeFileSync(${JSON.stringify(record)}, \`\${process.pid} \${getPriority()}\`);`,
      `setTimeout(() => process.exit(spawnSync(${JSON.stringify(binary)}, process.argv.slice(2), { stdio: 'inherit' }).status ?? 1), 20_000);`,
    ];
    await writeFile(slowPagefind, script.join('\n'), { mode: 0o755 });
    const temporary = join(root, 'tmp');
    await mkdir(temporary);
    // The page fails a second after it starts rendering: time for the program to have started.
    const failing = "---\nawait new Promise((done) => setTimeout(done, 1000));\nthrow new Error('this page fails to render');\n---\n";
    const files = { ...papers, 'src/pages/0-fails.astro': failing };
    const site = await writeFixture('search-stopped', files);
    const build = await run(process.execPath, [astroBin, 'build', '--root', site], repoRoot, {
      PAGEFIND_EXTENDED_BINARY_PATH: slowPagefind,
      TMPDIR: temporary,
    });
    expect(build.code, build.output).not.toBe(0);
    expect(build.output).toContain('this page fails to render');
    // Pagefind had started: the script recorded its process (an orphaned one could record it after the build ended).
    await expect.poll(() => readFile(record, 'utf8').catch(() => ''), { timeout: 5000 }).toMatch(/^\d+ -?\d+$/);
    const [pid, priority] = (await readFile(record, 'utf8')).split(' ').map(Number);
    // It ran at the lowest priority from its start, beside the rendering.
    expect(priority).toBe(19);
    await expect.poll(() => alive(pid!), { timeout: 2000 }).toBe(false);
    expect((await readdir(temporary)).filter((name) => name.startsWith('papershelf-pagefind-'))).toEqual([]);
  }, 120_000);
});

describe('a build ended by a signal while Pagefind indexes', () => {
  // SIGTERM to the build's process alone, as a CI job's cancel or `kill` sends it, where Pagefind gets none; SIGINT
  // to its process group, as Ctrl-C in a terminal sends it, where Pagefind gets it too; and SIGTERM where the site
  // listens for it itself (in its config), whose listener decides: it ends the build with code 0.
  it.each([
    ['SIGTERM', 'its process', 'with nothing else listening'],
    ['SIGINT', 'its process group', 'with nothing else listening'],
    ['SIGTERM', 'its process', 'with the site listening for it'],
  ] as const)(
    'stops Pagefind, removes its working folder, and ends as %s to %s %s ends it',
    async (signal, target, listeners) => {
      const siteListens = listeners === 'with the site listening for it';
      // Pagefind is a stand-in that records its process and waits.
      const root = await mkdtemp(join(tmpdir(), 'pagefind-signalled-'));
      const record = join(root, 'pagefind.pid');
      const waitingPagefind = join(root, 'waiting-pagefind.mjs');
      await writeFile(
        waitingPagefind,
        `#!${process.execPath}\nimport { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(record)}, String(process.pid));\nsetTimeout(() => {}, 60_000);\n`,
        { mode: 0o755 },
      );
      const temporary = join(root, 'tmp');
      await mkdir(temporary);
      // The site's config, loaded before Pagefind starts, listens for SIGTERM and decides how the build ends.
      const listening = [
        "import { defineConfig } from 'astro/config';",
        "import mdx from '@astrojs/mdx';",
        "import papershelf from 'astro-papershelf';",
        "process.once('SIGTERM', () => setTimeout(() => process.exit(0), 200));",
        "export default defineConfig({ site: 'https://example.org', integrations: [mdx(), papershelf()] });",
      ].join('\n');
      const files = siteListens ? { ...papers, 'astro.config.mjs': listening } : papers;
      const site = await writeFixture(`search-${signal.toLowerCase()}${siteListens ? '-listened' : ''}`, files);
      // In a process group of its own, as a terminal starts a command.
      const build = spawn(process.execPath, [astroBin, 'build', '--root', site], {
        cwd: repoRoot,
        env: { ...childEnv(), PAGEFIND_EXTENDED_BINARY_PATH: waitingPagefind, TMPDIR: temporary },
        detached: true,
      });
      let output = '';
      build.stdout.on('data', (chunk) => (output += chunk));
      build.stderr.on('data', (chunk) => (output += chunk));
      const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
        build.on('exit', (code, signal) => resolve({ code, signal })),
      );
      let pid: number | undefined;
      try {
        // Pagefind starts once the paper pages are rendered.
        await expect.poll(() => readFile(record, 'utf8').catch(() => ''), { timeout: 60_000, interval: 200 }).toMatch(/^\d+$/);
        pid = Number(await readFile(record, 'utf8'));
        expect(alive(pid)).toBe(true);
        process.kill(target === 'its process' ? build.pid! : -build.pid!, signal);
        const timeout = new Promise((resolve) => setTimeout(() => resolve('still running 10 s after the signal'), 10_000));
        expect(await Promise.race([ended, timeout]), output).toEqual(siteListens ? { code: 0, signal: null } : { code: null, signal });
        await expect.poll(() => alive(pid!), { timeout: 2000 }).toBe(false);
        expect((await readdir(temporary)).filter((name) => name.startsWith('papershelf-pagefind-'))).toEqual([]);
      } finally {
        // Should it fail, neither the build nor the stand-in is left running.
        if (build.exitCode === null && build.signalCode === null) process.kill(-build.pid!, 'SIGKILL');
        if (pid !== undefined && alive(pid)) process.kill(pid, 'SIGKILL');
        await rm(root, { recursive: true, force: true });
      }
    },
    120_000,
  );
});

/** Whether a process runs: it is listed, and is not a zombie (ended, and not yet reaped by its parent). */
function alive(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]![0] !== 'Z';
  } catch {
    return false;
  }
}

describe('a build whose Pagefind fails', () => {
  it("fails with Pagefind's message and what to do, after running it again once the pages are built", async () => {
    // A stand-in that fails as Pagefind does, reached through the variable Pagefind's own script honours.
    const root = await mkdtemp(join(tmpdir(), 'pagefind-fails-'));
    const failingPagefind = join(root, 'failing-pagefind.mjs');
    await writeFile(
      failingPagefind,
      `#!${process.execPath}\nconsole.error('Error: Pagefind could not write to the output folder');\nprocess.exit(1);\n`,
      { mode: 0o755 },
    );
    const site = await writeFixture('search-fails', papers);
    const build = await run(process.execPath, [astroBin, 'build', '--root', site], repoRoot, {
      PAGEFIND_EXTENDED_BINARY_PATH: failingPagefind,
    });
    expect(build.code, build.output).not.toBe(0);
    expect(build.output).toContain('search: Pagefind, run while the pages were rendered, failed; running it again now');
    expect(build.output).toContain('Pagefind failed while indexing');
    expect(build.output).toContain('Error: Pagefind could not write to the output folder');
    expect(build.output).toContain('The pages in dist/ are built; only the search index failed. Mend what the message above names');
    expect(build.output).toMatch(/with Pagefind's version, \d+\.\d+\.\d+\./);
    // The pages are there, as it says.
    expect(await readFile(join(site, 'dist', 'papers', 'p1', 'index.html'), 'utf8')).toContain('Paper number 1');
    // A variable naming no program is named as the cause, with the fix.
    const missing = join(root, 'no-such-pagefind');
    const again = await run(process.execPath, [astroBin, 'build', '--root', site], repoRoot, { PAGEFIND_EXTENDED_BINARY_PATH: missing });
    expect(again.code, again.output).not.toBe(0);
    expect(again.output).toContain(`Pagefind failed while starting:\nthere is no Pagefind binary at ${missing}`);
    expect(again.output).toContain("the PAGEFIND_EXTENDED_BINARY_PATH variable names it: point it at Pagefind's binary, or unset it");
  }, 120_000);
});
