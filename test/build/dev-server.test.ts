// `astro dev` shows a new paper, an edited one and forgets a deleted one, without a restart.
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { astroBin, childEnv, paperFile, repoRoot, writeFixture } from '../support/fixture-site.ts';

let server: ChildProcess | undefined;
// Everything the dev server has printed so far.
let devOutput = '';

afterAll(() => {
  server?.kill();
});

/** Starts `astro dev` in the foreground and resolves to its local URL. */
function startDev(root: string): Promise<string> {
  return new Promise((resolve, reject) => {
    server = spawn(process.execPath, [astroBin, 'dev', '--root', root, '--port', '4377', '--host', '127.0.0.1'], {
      cwd: repoRoot,
      env: { ...childEnv(), ASTRO_DEV_BACKGROUND: '0' },
    });
    devOutput = '';
    const timer = setTimeout(() => reject(new Error(`astro dev did not start:\n${devOutput}`)), 60_000);
    const onData = (chunk: Buffer) => {
      devOutput += chunk;
      const url = /Local\s+(http:\/\/127\.0\.0\.1:\d+\/)/.exec(devOutput)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve(url);
      }
    };
    server.stdout?.on('data', onData);
    server.stderr?.on('data', onData);
    server.on('exit', () => reject(new Error(`astro dev exited:\n${devOutput}`)));
  });
}

/** Polls a page until its heading matches, as a person reloading would. */
async function headingBecomes(url: string, pattern: RegExp): Promise<string> {
  let heading = '';
  for (let attempt = 0; attempt < 40; attempt++) {
    const html = await fetch(url)
      .then((r) => r.text())
      .catch(() => '');
    heading = /<h1[^>]*>(.*?)<\/h1>/s.exec(html)?.[1]?.replace(/<[^>]+>/g, '') ?? '';
    if (pattern.test(heading)) return heading;
    await new Promise((r) => setTimeout(r, 500));
  }
  return heading;
}

/** How many files and folders a process watches through inotify (Linux), read from its descriptors' info. */
async function inotifyWatches(pid: number): Promise<number> {
  let watches = 0;
  for (const fd of await readdir(`/proc/${pid}/fdinfo`)) {
    const info = await readFile(`/proc/${pid}/fdinfo/${fd}`, 'utf8').catch(() => '');
    watches += info.split('\n').filter((line) => line.startsWith('inotify wd:')).length;
  }
  return watches;
}

// Answers /__data-store-module with Astro's data store module as the dev server makes it, every plugin applied.
const config = `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import papershelf from 'astro-papershelf';
const showStoreModule = {
  name: 'show-data-store-module',
  configureServer(server) {
    server.middlewares.use('/__data-store-module', async (_request, response) => {
      const made = await server.environments.ssr.transformRequest('astro:data-layer-content');
      response.end(made?.code ?? 'no module');
    });
  },
};
export default defineConfig({ site: 'https://example.org', vite: { plugins: [showStoreModule] }, integrations: [mdx(), papershelf()] });
`;

describe('astro dev', () => {
  it('picks up a new paper file, an edit and a deleted file without a restart', async () => {
    const root = await writeFixture('dev-server', {
      'astro.config.mjs': config,
      'content/papers/first.md': paperFile('title: First\ndate: 2025-08-27\narxiv: 2508.00001', 'First.'),
    });
    // A last build's output, as large as a 400-paper archive's: the dev server must not watch it (on a
    // large archive its watches passed Linux's limit, and the dev server served no papers).
    const built = 1000;
    for (let i = 0; i < built; i++) {
      await mkdir(join(root, 'dist', 'arxiv', `2508.${String(i).padStart(5, '0')}`), { recursive: true });
      await writeFile(join(root, 'dist', 'arxiv', `2508.${String(i).padStart(5, '0')}`, 'index.html'), '<!doctype html>');
    }
    const url = await startDev(root);
    expect(await headingBecomes(url, /August 27, 2025/)).toBe('Papers of August 27, 2025');
    expect(await inotifyWatches(server!.pid!)).toBeLessThan(built);
    // A build writes the /arxiv/ pages itself; the dev server answers those addresses with a redirect.
    const byId = await fetch(new URL('arxiv/2508.00001/', url), { redirect: 'manual' });
    expect(byId.status).toBe(301);
    expect(new URL(byId.headers.get('location')!, url).pathname).toBe('/papers/first/');

    const added = join(root, 'content', 'papers', 'newer.md');
    await writeFile(added, paperFile('title: Newer\ndate: 2025-08-28', 'Newer with \\(x^2\\).'));
    expect(await headingBecomes(url, /August 28, 2025/)).toBe('Papers of August 28, 2025');
    const paper = await fetch(new URL('papers/newer/', url)).then((r) => r.text());
    expect(paper).toContain('<annotation encoding="application/x-tex">x^2</annotation>');

    // The dev server reads the data store from the file the sync writes, not from a literal of it (as a build does).
    const storeModule = await fetch(new URL('__data-store-module', url)).then((r) => r.text());
    expect(storeModule).toContain('readFileSync');
    expect(storeModule).toContain(JSON.stringify(join(root, '.astro', 'data-store.json')));
    expect(storeModule).not.toContain('First.');
    // An edit to a paper shows on its page: the data store is read again after the sync writes it.
    await writeFile(join(root, 'content', 'papers', 'first.md'), paperFile('title: First, edited\ndate: 2025-08-27', 'First.'));
    expect(await headingBecomes(new URL('papers/first/', url).href, /edited/)).toBe('First, edited');
    // A bad value saved while the server runs is said, with its fix, and the pages keep the file's last good version.
    await writeFile(join(root, 'content', 'papers', 'first.md'), paperFile('title: First, broken\ndate: 2025-02-30', 'First.'));
    for (let attempt = 0; attempt < 40 && !devOutput.includes('2025-02-30'); attempt++) await new Promise((r) => setTimeout(r, 500));
    expect(devOutput).toMatch(/Failed to reload first\.md: .*first\.md.*2025-02-30/);
    expect(devOutput).toContain("The page shows the file's last good version until it is fixed.");
    const home = await fetch(url);
    expect(home.status).toBe(200);
    expect(await headingBecomes(new URL('papers/first/', url).href, /edited/)).toBe('First, edited');

    await rm(added);
    expect(await headingBecomes(url, /August 27, 2025/)).toBe('Papers of August 27, 2025');
  }, 120_000);

  it("says on the search page how to get an index, and serves the last build's index once there is one", async () => {
    const url = server ? 'http://127.0.0.1:4377/' : '';
    expect(url).not.toBe('');
    const page = await fetch(new URL('search/', url)).then((r) => r.text());
    expect(page).toContain('Run `npm run build` once: `astro dev` then searches that index');
    expect((await fetch(new URL('pagefind/pagefind.js', url))).status).toBe(404);
    const built = join(repoRoot, 'test', '.work', 'dev-server', 'dist', 'pagefind');
    await mkdir(built, { recursive: true });
    await writeFile(join(built, 'pagefind.js'), 'export const fromLastBuild = true;');
    const bundle = await fetch(new URL('pagefind/pagefind.js', url));
    expect(bundle.headers.get('content-type')).toBe('text/javascript');
    expect(await bundle.text()).toBe('export const fromLastBuild = true;');
  }, 60_000);
});
