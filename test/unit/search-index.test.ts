// The Pagefind step on its own, with the real Pagefind binary: only pages marked as papers are indexed, the
// count comes from the written index, and maxFragments bundles the fragment files, whose pages get short names.
import { describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { decode, encode } from 'cborg';
import { compactPageNames } from '../../plugins/papershelf/src/search/compact-page-names.ts';
import { buildSearchIndex, defaultMaxFragments, fragmentFiles } from '../../plugins/papershelf/src/search/build-search-index.ts';
import { optionsSchema } from '../../plugins/papershelf/src/options.ts';
import { pagefindBinary, pagefindPackage } from '../../plugins/papershelf/src/search/pagefind-package.ts';
import { repoRoot } from '../support/fixture-site.ts';

/** A built site in miniature: seven paper pages (in English, or the language given) and two pages that are not papers. */
async function builtSite(language: (i: number) => string = () => 'en'): Promise<string> {
  const dist = await mkdtemp(join(tmpdir(), 'search-index-'));
  for (let i = 0; i < 7; i++) {
    await mkdir(join(dist, 'papers', `p${i}`), { recursive: true });
    await writeFile(
      join(dist, 'papers', `p${i}`, 'index.html'),
      `<!doctype html><html lang="${language(i)}"><head><title>Paper ${i}</title></head><body><nav>Menu</nav><article data-pagefind-body><h1>Paper number ${i}</h1><p>Abstract ${i} about attention.</p></article></body></html>`,
    );
  }
  await writeFile(
    join(dist, 'index.html'),
    '<!doctype html><html lang="en"><head><title>Home</title></head><body><h1>Home</h1><p>attention everywhere</p></body></html>',
  );
  await mkdir(join(dist, 'tags'), { recursive: true });
  await writeFile(
    join(dist, 'tags', 'index.html'),
    '<!doctype html><html lang="en"><head><title>Tags</title></head><body><p>attention tag</p></body></html>',
  );
  return dist;
}

describe('buildSearchIndex', () => {
  it('indexes only the paper pages and writes a fragment a page', async () => {
    const dist = await builtSite();
    const summary = await buildSearchIndex(dist);
    expect(summary.pages).toBe(7);
    expect(summary.outputPath).toBe(join(dist, 'pagefind'));
    expect(await readdir(join(dist, 'pagefind', 'fragment'))).toHaveLength(7);
    expect(summary.files).toBe(
      (await readdir(join(dist, 'pagefind'), { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).length,
    );
  });

  it('bundles the fragments into at most maxFragments files', async () => {
    const dist = await builtSite();
    const summary = await buildSearchIndex(dist, { maxFragments: 2 });
    expect(summary.pages).toBe(7);
    const fragments = await readdir(join(dist, 'pagefind', 'fragment'));
    expect(fragments.length).toBeGreaterThan(0);
    expect(fragments.length).toBeLessThanOrEqual(2);
  });

  it("names a bundled index's pages by their place, and keeps every page's record as Pagefind wrote it", async () => {
    const bundled = await builtSite();
    await buildSearchIndex(bundled, { maxFragments: 3 });
    const single = await builtSite();
    await buildSearchIndex(single);
    const [bundledIndex, singleIndex] = await Promise.all([writtenIndex(bundled), writtenIndex(single)]);

    // Bundled: seven pages named by a hash of the site's base path and their place in the list.
    const names = bundledIndex.pages.map(([name]) => name);
    const tag = createHash('sha256').update('').digest('hex').slice(0, 6);
    expect(names).toEqual(Array.from({ length: 7 }, (_, i) => `en_${tag}_${i.toString(16)}`));
    // Each bundle holds exactly the pages the list says it holds, and is named by a hash of what it holds.
    const bundles = new Set(bundledIndex.pages.map(([, , bundle]) => bundle));
    expect(bundles.size).toBeLessThanOrEqual(3);
    expect([...bundles].sort()).toEqual(
      (await readdir(join(bundled, 'pagefind', 'fragment'))).map((f) => f.replace('.pf_fragment', '')).sort(),
    );
    const records = new Map<string, Record<string, unknown>>();
    for (const bundle of bundles) {
      const content = inflated(await readFile(join(bundled, 'pagefind', 'fragment', `${bundle}.pf_fragment`)));
      expect(bundle).toBe(`en_group_${createHash('sha256').update(content).digest('hex').slice(0, 7)}`);
      const held = JSON.parse(content.toString('utf8')) as Record<string, Record<string, unknown>>;
      expect(Object.keys(held).sort()).toEqual(
        bundledIndex.pages
          .filter(([, , b]) => b === bundle)
          .map(([name]) => name)
          .sort(),
      );
      for (const record of Object.values(held)) records.set(record['url'] as string, record);
    }
    // Every page's record is the one Pagefind writes for it without bundles, where its name stays a hash of its content.
    expect(singleIndex.pages.every(([name, , bundle]) => /^en_[0-9a-f]{7}$/.test(name) && bundle === '')).toBe(true);
    for (const [name] of singleIndex.pages) {
      const record = JSON.parse(inflated(await readFile(join(single, 'pagefind', 'fragment', `${name}.pf_fragment`))).toString('utf8'));
      expect(records.get(record.url)).toEqual(record);
    }
    expect(records.size).toBe(7);
    // The word counts, the index chunks, filters and sorts are Pagefind's, untouched.
    expect(bundledIndex.pages.map(([, words]) => words)).toEqual(singleIndex.pages.map(([, words]) => words));
    expect(bundledIndex.list.slice(2)).toEqual(singleIndex.list.slice(2));
    // Only the list the entry names is left.
    expect(bundledIndex.metaFiles).toEqual([`pagefind.${bundledIndex.hash}.pf_meta`]);
  });

  it("keeps a bundle's name while its papers do not change, and names another base's pages apart", async () => {
    const dist = await builtSite();
    await buildSearchIndex(dist, { maxFragments: 3 });
    const first = await pagefindFiles(dist);
    await buildSearchIndex(dist, { maxFragments: 3 });
    expect(await pagefindFiles(dist)).toEqual(first);
    // One paper edited: its bundle and the page list are new; every other bundle is the same file.
    const page = join(dist, 'papers', 'p3', 'index.html');
    await writeFile(page, (await readFile(page, 'utf8')).replace('Abstract 3', 'Abstract 3, edited'));
    await buildSearchIndex(dist, { maxFragments: 3 });
    const edited = await pagefindFiles(dist);
    const bundlesOf = (files: Map<string, string>) => [...files].filter(([name]) => name.startsWith('fragment/'));
    const kept = bundlesOf(edited).filter(([name, bytes]) => first.get(name) === bytes);
    expect(kept.length).toBe(bundlesOf(first).length - 1);
    expect(bundlesOf(edited).length).toBe(bundlesOf(first).length);
    // Under another base path the same pages have other names.
    await buildSearchIndex(dist, { maxFragments: 3, base: '/2024/' });
    const tag = createHash('sha256').update('/2024').digest('hex').slice(0, 6);
    expect((await writtenIndex(dist)).pages.map(([name]) => name)).toEqual(
      Array.from({ length: 7 }, (_, i) => `en_${tag}_${i.toString(16)}`),
    );
  });

  it("renames each language's pages in a site of two languages", async () => {
    const dist = await builtSite((i) => (i < 4 ? 'en' : 'fr'));
    await buildSearchIndex(dist, { maxFragments: 2 });
    const entry = JSON.parse(await readFile(join(dist, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { hash: string; page_count: number }>;
    };
    expect(Object.keys(entry.languages).sort()).toEqual(['en', 'fr']);
    const tag = createHash('sha256').update('').digest('hex').slice(0, 6);
    for (const [language, { hash, page_count }] of Object.entries(entry.languages)) {
      const pages = (decode(inflated(await readFile(join(dist, 'pagefind', `pagefind.${hash}.pf_meta`)))) as unknown[])[1] as string[][];
      expect(pages.map(([name]) => name)).toEqual(Array.from({ length: page_count }, (_, i) => `${language}_${tag}_${i.toString(16)}`));
      for (const bundle of new Set(pages.map(([, , b]) => b!))) {
        const held = JSON.parse(inflated(await readFile(join(dist, 'pagefind', 'fragment', `${bundle}.pf_fragment`))).toString('utf8'));
        expect(Object.keys(held).every((name) => name.startsWith(`${language}_${tag}_`))).toBe(true);
      }
    }
    expect((await readdir(join(dist, 'pagefind'))).filter((file) => file.endsWith('.pf_meta'))).toHaveLength(2);
  });

  it.each([
    ['a page list CBOR would encode otherwise (an array of indefinite length)', 'list'],
    ['a bundle the page list names that is not there', 'bundle'],
  ])('leaves an index it cannot follow as Pagefind wrote it: %s', async (_, damage) => {
    const dist = await builtSite();
    // Pagefind's own index, bundled, before any renaming.
    await runPagefind(dist, 3);
    const { hash, list } = await writtenIndex(dist);
    if (damage === 'list') {
      const definite = Buffer.from(encode(list));
      const indefinite = Buffer.concat([Buffer.from([0x9f]), definite.subarray(1), Buffer.from([0xff])]);
      await writeFile(
        join(dist, 'pagefind', `pagefind.${hash}.pf_meta`),
        gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), indefinite])),
      );
    } else {
      const bundle = (list[1] as string[][])[0]![2]!;
      await rm(join(dist, 'pagefind', 'fragment', `${bundle}.pf_fragment`));
    }
    const before = await pagefindFiles(dist);
    expect(compactPageNames(join(dist, 'pagefind'))).toEqual([]);
    expect(await pagefindFiles(dist)).toEqual(before);
  });

  it.each([
    ['a Pagefind config file where it was started', { file: 'force_language: fr\n' }],
    ['Pagefind settings in the environment', { env: 'fr' }],
  ])('reads only the pages under `folder`, and ignores %s', async (_, setting: { file?: string; env?: string }) => {
    const dist = await builtSite();
    // Were the setting read, the pages would be indexed as French.
    const started = process.cwd();
    const elsewhere = await mkdtemp(join(tmpdir(), 'search-index-cwd-'));
    if (setting.file) await writeFile(join(elsewhere, 'pagefind.yml'), setting.file);
    if (setting.env) process.env['PAGEFIND_FORCE_LANGUAGE'] = setting.env;
    process.chdir(elsewhere);
    try {
      expect((await buildSearchIndex(dist, {}, { folder: 'papers/' })).pages).toBe(7);
    } finally {
      process.chdir(started);
      delete process.env['PAGEFIND_FORCE_LANGUAGE'];
    }
    expect(await readdir(join(dist, 'pagefind', 'fragment'))).toHaveLength(7);
    const entry = JSON.parse(await readFile(join(dist, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: object };
    expect(Object.keys(entry.languages)).toEqual(['en']);
  });

  it('fails with the message Pagefind gives, said once, when there is nothing to index', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'search-index-empty-'));
    const failure = await buildSearchIndex(empty).then(
      () => undefined,
      (error: unknown) => error as Error,
    );
    expect(failure?.name).toBe('SearchIndexError');
    expect(failure?.message).toMatch(/^Pagefind failed while indexing .*:\nError: Pagefind was not able to build an index\./);
    expect(failure?.message.match(/not able to build an index/g)).toHaveLength(1);
  });
});

/** Every file of a site's index, by its path under pagefind/, as base64. */
async function pagefindFiles(dist: string): Promise<Map<string, string>> {
  const folder = join(dist, 'pagefind');
  const files = (await readdir(folder, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  return new Map(
    await Promise.all(
      files.map(async (entry) => {
        const path = join(entry.parentPath, entry.name);
        return [path.slice(folder.length + 1), (await readFile(path)).toString('base64')] as const;
      }),
    ),
  );
}

/** Pagefind's own program on a site, bundling its fragments into `maxFragments` files, as it writes the index. */
async function runPagefind(dist: string, maxFragments: number): Promise<void> {
  const binary = pagefindBinary(join(repoRoot, 'node_modules', 'pagefind', 'package.json'), {})!;
  const ran = spawnSync(
    binary.path,
    ['--site', dist, '--output-path', join(dist, 'pagefind'), '--max-fragments', String(maxFragments), '--quiet'],
    {
      encoding: 'utf8',
    },
  );
  expect(ran.status, ran.stderr).toBe(0);
}

/** A Pagefind file's content, inflated and without its signature. */
function inflated(file: Buffer): Buffer {
  const content = gunzipSync(file);
  expect(content.subarray(0, 12).toString()).toBe('pagefind_dcd');
  return content.subarray(12);
}

/** The English index's page list as written (name, word count, bundle), the whole list, and the page-list files there are. */
async function writtenIndex(dist: string) {
  const entry = JSON.parse(await readFile(join(dist, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
    languages: { en: { hash: string } };
  };
  const hash = entry.languages.en.hash;
  const list = decode(inflated(await readFile(join(dist, 'pagefind', `pagefind.${hash}.pf_meta`)))) as unknown[];
  const metaFiles = (await readdir(join(dist, 'pagefind'))).filter((file) => file.endsWith('.pf_meta'));
  return { hash, list, pages: list[1] as [string, number, string][], metaFiles };
}

describe('the default number of fragment files', () => {
  it('is one a paper up to 1,000 papers, then about four papers a file', () => {
    expect(defaultMaxFragments(59)).toBeUndefined();
    expect(defaultMaxFragments(1000)).toBeUndefined();
    expect(defaultMaxFragments(2000)).toBe(1000);
    expect(defaultMaxFragments(10_000)).toBe(2500);
  });

  it("follows the site's search.maxFragments: its number, or one file a paper for false", () => {
    expect(fragmentFiles(undefined, 10_000)).toBe(2500);
    expect(fragmentFiles(300, 10_000)).toBe(300);
    expect(fragmentFiles(false, 10_000)).toBeUndefined();
    expect(optionsSchema.parse({ search: { maxFragments: false } }).search.maxFragments).toBe(false);
    expect(optionsSchema.safeParse({ search: { maxFragments: true } }).success).toBe(false);
    expect(optionsSchema.safeParse({ search: { maxFragments: 0 } }).success).toBe(false);
  });
});

describe('the Pagefind binary the build runs', () => {
  const manifest = join(repoRoot, 'node_modules', 'pagefind', 'package.json');
  const platform = process.platform === 'win32' ? 'windows' : process.platform;

  it("is the platform package's extended binary, as Pagefind's own script finds it", async () => {
    const binary = pagefindBinary(manifest, {});
    const name = platform === 'windows' ? 'pagefind_extended.exe' : 'pagefind_extended';
    expect(binary).toEqual({ path: join(repoRoot, 'node_modules', '@pagefind', `${platform}-${process.arch}`, 'bin', name) });
    // It runs: the same program `npx pagefind` runs.
    const version = spawnSync(binary!.path, ['--version'], { encoding: 'utf8' });
    expect(version.stdout.trim()).toBe(`pagefind ${(await pagefindPackage()).version}`);
  });

  it('is the one a PAGEFIND_*_BINARY_PATH variable names, the extended one first, from where the build runs', () => {
    expect(pagefindBinary(manifest, { PAGEFIND_BINARY_PATH: '/opt/pagefind' })).toEqual({
      path: '/opt/pagefind',
      variable: 'PAGEFIND_BINARY_PATH',
    });
    expect(pagefindBinary(manifest, { PAGEFIND_BINARY_PATH: '/opt/pagefind', PAGEFIND_EXTENDED_BINARY_PATH: '/opt/ext' })).toEqual({
      path: '/opt/ext',
      variable: 'PAGEFIND_EXTENDED_BINARY_PATH',
    });
    // Pagefind runs in a folder of its own: a relative path is made whole from the build's.
    expect(pagefindBinary(manifest, { PAGEFIND_BINARY_PATH: 'bin/pagefind' })?.path).toBe(join(process.cwd(), 'bin', 'pagefind'));
  });

  it('is none for an arch Pagefind has no package for (npm_config_arch names the arch, as for the script)', () => {
    expect(pagefindBinary(manifest, { npm_config_arch: 'mips' })).toBeUndefined();
  });
});
