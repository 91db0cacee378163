// The `papershelf` command as a new user meets it: linked by `npm ci` before anything is compiled, reading the
// site's own settings from its Astro config, and leaving no debris when an import is interrupted.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, realpath, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { paperFile, repoRoot, run, writeFixture } from '../support/fixture-site.ts';

const bin = join(repoRoot, 'node_modules', '.bin', 'papershelf');
/** A person's shell after `npm ci`: the project's own Node first on PATH, as npm scripts have it. */
const withProjectNode = { PATH: `${dirname(process.execPath)}:${process.env['PATH'] ?? ''}` };
const papershelf = (root: string, ...args: string[]) => run(bin, args, root, withProjectNode);

/** The pid of a process that has ended, for temporary files whose import is no longer running. */
async function endedPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('close', resolve));
  return child.pid!;
}

describe('the papershelf bin after npm ci', () => {
  it('is a committed, executable file that npm links at install time, and it runs the command', async () => {
    expect(await realpath(bin)).toBe(join(repoRoot, 'plugins', 'papershelf', 'bin', 'papershelf.js'));
    expect((await stat(bin)).mode & 0o111).not.toBe(0);
    const tracked = await run('git', ['ls-files', '--stage', 'plugins/papershelf/bin/papershelf.js'], repoRoot);
    expect(tracked.output).toMatch(/^100755 /);
    const help = await papershelf(repoRoot, '--help');
    expect(help.code, help.output).toBe(0);
    expect(help.output).toContain('Usage: papershelf <command> [options]');
  });

  it("answers a command's --help with the usage, and an unknown option with the one likely meant", async () => {
    const help = await papershelf(repoRoot, 'import', '--help');
    expect(help.code, help.output).toBe(0);
    expect(help.output).toContain('Usage: papershelf <command> [options]');
    const unknown = await papershelf(repoRoot, 'import', 'a.bib', '--paper', 'x');
    expect(unknown.code).toBe(2);
    expect(unknown.output).toContain('papershelf: unknown option `--paper` for `import`; did you mean `--papers`');
    expect(unknown.output).not.toContain('positional argument');
    // Another command's option is said to be that command's, with a call of it, not offered as the likely one.
    const elsewhere = await papershelf(repoRoot, 'import', 'a.bib', '--free-tags');
    expect(elsewhere.code).toBe(2);
    expect(elsewhere.output).toContain(
      'papershelf: unknown option `--free-tags` for `import`; it is an option of `check` (`papershelf check --free-tags`)\n',
    );
    const hfOnly = await papershelf(repoRoot, 'check', '--to', '2025-01-01');
    expect(hfOnly.output).toContain(
      'papershelf: unknown option `--to` for `check`; it is an option of `add` (`papershelf add --hf-date YYYY-MM-DD --to YYYY-MM-DD`)\n',
    );
    const twoOwners = await papershelf(repoRoot, 'new', 'A title', '--force');
    expect(twoOwners.output).toContain(
      'it is an option of `import` (`papershelf import <file…> --force`) and `add` (`papershelf add <arxiv-id…> --force`)\n',
    );
  });

  it('needs nothing outside the repository: no file refers to the folder beside it', async () => {
    // The folder a development checkout has beside it, spelt in parts so this file does not name it itself.
    const beside = ['..', 'shared'].join('/');
    const files = await run('git', ['grep', '-l', '-F', '-e', beside, '-e', `${beside.slice(3)}/seed`, '--', '.'], repoRoot);
    expect(files.output.trim()).toBe('');
    const source = await readFile(join(repoRoot, 'content', 'sources', '2025-08-27.txt'), 'utf8');
    expect(source).toContain('Daily Papers');
  });
});

describe("papershelf check with the site's own settings", () => {
  const config = (extension: string) => ({
    [`astro.config.${extension}`]: [
      "import { defineConfig } from 'astro/config';",
      "import papershelf from 'astro-papershelf';",
      `const macros${extension === 'ts' ? ': Record<string, string>' : ''} = { '\\\\R': '\\\\mathbb{R}' };`,
      "export default defineConfig({ site: 'https://example.org', integrations: [[papershelf({ macros, freeTags: true, paths: { papers: 'library', tags: 'vocabulary.yml' } })]] });",
      '',
    ].join('\n'),
    'vocabulary.yml': '- id: attention\n  label: Attention\n',
    'library/reals.md': paperFile('title: Vectors in $\\R^n$\ndate: 2025-01-01\ntags: [attention, a-free-tag]', 'Let \\(x \\in \\R^n\\).'),
  });

  it.each(['mjs', 'ts'])('reads macros, free tags and paths from astro.config.%s, as the build does', async (extension) => {
    const site = await writeFixture(`cli-settings-${extension}`, config(extension));
    if (extension !== 'mjs') await rm(join(site, 'astro.config.mjs'));
    const check = await papershelf(site, 'check');
    expect(check.output.trim()).toBe('checked 1 paper: no problems');
    expect(check.code).toBe(0);
    // A flag still wins over the config.
    const elsewhere = await papershelf(site, 'check', '--papers', 'elsewhere');
    expect(elsewhere.code).toBe(2);
    expect(elsewhere.output.trim()).toBe(
      `papershelf: there is no papers folder \`elsewhere\` in ${site}; run from the site's root, or pass --papers`,
    );
    // Nor does an import write into a folder it would make: its papers would be matched against no archive.
    const seed = join(repoRoot, 'content', 'sources', '2025-08-27.txt');
    const typo = await papershelf(site, 'import', seed, '--papers', 'library2');
    expect(typo.code).toBe(2);
    expect(typo.output.trim()).toBe(
      `papershelf: there is no folder \`library2\` in ${site}; check the --papers path, or make the folder first (\`mkdir -p library2\`) for a new archive`,
    );
    const nowhere = await mkdtemp(join(tmpdir(), 'papershelf-no-site-'));
    const outside = await papershelf(nowhere, 'import', seed);
    const made = await readdir(nowhere);
    await rm(nowhere, { recursive: true, force: true });
    expect(made).toEqual([]);
    expect(outside.code).toBe(2);
    expect(outside.output.trim()).toBe(
      `papershelf: there is no papers folder \`content/papers\` and no astro.config in ${nowhere}; run from the site's root, or pass --papers`,
    );
    expect(existsSync(join(site, 'library2'))).toBe(false);
  });

  it('still reports a macro the site does not define, on its line', async () => {
    const site = await writeFixture('cli-settings-unknown-macro', {
      ...config('mjs'),
      'library/unknown.md': paperFile('title: Unknown\ndate: 2025-01-01', 'Let \\(x \\in \\Rr\\).'),
    });
    const check = await papershelf(site, 'check');
    expect(check.code).toBe(1);
    expect(check.output).toMatch(/^library\/unknown\.md:5: formula `x \\in \\Rr`: /m);
    expect(check.output).toContain('checked 2 papers: 1 problem');
  });

  it('writes new papers where the site keeps them', async () => {
    const site = await writeFixture('cli-settings-new', config('mjs'));
    const created = await papershelf(site, 'new', 'A Second Paper', '--date', '2025-02-02');
    expect(created.output).toContain('created library/a-second-paper.md');
  });
});

describe('an interrupted import', () => {
  it('leaves no temporary file beside the papers, and the next run finishes the work', async () => {
    const site = await writeFixture('cli-interrupted', { 'content/papers/.keep': '' });
    const count = 3000;
    const entries = Array.from(
      { length: count },
      (_, i) =>
        `<entry><id>http://arxiv.org/abs/2401.${String(10000 + i)}v1</id><published>2024-01-05T00:00:00Z</published><title>Paper number ${i} on sparse attention</title><summary>We study case ${i} of sparse attention. It works.</summary><author><name>Ada Lovelace</name></author></entry>`,
    );
    await writeFile(
      join(site, 'feed.xml'),
      `<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n${entries.join('\n')}\n</feed>\n`,
    );
    const papers = join(site, 'content', 'papers');
    const child = spawn(bin, ['import', 'feed.xml', '--date', '2025-01-05'], { cwd: site, env: { ...process.env, ...withProjectNode } });
    const closed = new Promise((resolve) => child.on('close', resolve));
    // Kill it without warning once it has written some papers, as a closed laptop or a CI timeout would.
    for (let i = 0; i < 600 && (await readdir(papers)).filter((f) => f.endsWith('.md')).length < 100; i++)
      await new Promise((r) => setTimeout(r, 25));
    child.kill('SIGKILL');
    await closed;
    const written = (await readdir(papers)).filter((f) => f.endsWith('.md')).length;
    expect(written).toBeGreaterThanOrEqual(100);
    expect(written).toBeLessThan(count);
    expect((await readdir(papers)).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const again = await papershelf(site, 'import', 'feed.xml', '--date', '2025-01-05');
    expect(again.code, again.output).toBe(0);
    expect(again.output).toContain(`created: ${count - written}\n`);
    expect(again.output).toContain(`unchanged: ${written}\n`);
    expect((await readdir(papers)).sort()).toEqual(expect.arrayContaining(['.keep']));
    expect((await readdir(papers)).filter((f) => f.endsWith('.md'))).toHaveLength(count);
    expect((await readdir(papers)).filter((f) => !f.endsWith('.md') && f !== '.keep')).toEqual([]);
  }, 120_000);

  it('has its debris named by check and removed by the next import', async () => {
    const site = await writeFixture('cli-debris', { 'content/papers/one.md': paperFile('title: One\ndate: 2025-01-01', 'Text.') });
    const pid = await endedPid();
    const papers = join(site, 'content', 'papers');
    await writeFile(join(papers, `old-style.md.${pid}.tmp`), '');
    await mkdir(join(papers, '.papershelf-import'), { recursive: true });
    await writeFile(join(papers, '.papershelf-import', `two.md.${pid}.tmp`), '---\ntitle: Two\n');
    const check = await papershelf(site, 'check');
    expect(check.code).toBe(1);
    expect(check.output.trim().split('\n')).toEqual([
      `content/papers/.papershelf-import/two.md.${pid}.tmp: a temporary file left by an interrupted import; delete it (the next \`papershelf import\` removes it too)`,
      `content/papers/old-style.md.${pid}.tmp: a temporary file left by an interrupted import; delete it (the next \`papershelf import\` removes it too)`,
      'checked 1 paper: 2 problems',
    ]);
    await writeFile(join(site, 'page.txt'), 'Daily Papers\n\nJan 2\n\nTwo\n\nWe study two things. Both work well in practice.\n');
    const imported = await papershelf(site, 'import', 'page.txt', '--date', '2025-01-02');
    expect(imported.code, imported.output).toBe(0);
    expect(imported.output).toContain(
      `removed (temporary files of an interrupted import): 2\n  content/papers/.papershelf-import/two.md.${pid}.tmp\n  content/papers/old-style.md.${pid}.tmp`,
    );
    expect((await readdir(papers)).sort()).toEqual(['one.md', 'two.md']);
    expect((await papershelf(site, 'check')).output.trim()).toBe('checked 2 papers: no problems');
  });
});
