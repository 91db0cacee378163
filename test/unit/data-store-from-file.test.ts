// Which builds read the data store from its file (data-store-from-file.ts), and that the module made for them
// gives the store the file holds. A real build's bundle is checked in test/build/data-store-file.test.ts.
import { describe, expect, it, vi } from 'vitest';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroConfig } from 'astro';
import { dataStoreFromFile } from '../../plugins/papershelf/src/integration/data-store-from-file.ts';

const storeId = '\0astro:data-layer-content';
const root = new URL('file:///site/');
const store = [['Map', 1], 'papers', 'Ünïcode “text”'];

async function cacheWithStore(): Promise<URL> {
  const folder = await mkdtemp(join(tmpdir(), 'data-store-'));
  await writeFile(join(folder, 'data-store.json'), JSON.stringify(store));
  return pathToFileURL(`${folder}/`);
}

interface Site {
  cacheDir: URL;
  root?: URL;
  collectionStorage?: AstroConfig['experimental']['collectionStorage'];
}

/** The plugin's load hook as Vite runs it: only for ids its filter lets through. */
function loadWith(site: Site, command: Parameters<typeof dataStoreFromFile>[1] = 'build', adapter = () => false) {
  const experimental = { collectionStorage: site.collectionStorage } as AstroConfig['experimental'];
  const { load } = dataStoreFromFile({ cacheDir: site.cacheDir, root: site.root ?? root, experimental }, command, adapter);
  expect(load.order).toBe('pre');
  return (id: string) => (load.filter.id.test(id) ? load.handler(id) : undefined);
}

describe('dataStoreFromFile', () => {
  it("makes Astro's store a module that reads the file, which gives the same store, marked as content data", async () => {
    const cacheDir = await cacheWithStore();
    const made = loadWith({ cacheDir })(storeId);
    expect(made?.code).toContain('readFileSync(');
    expect(made?.meta).toEqual({ astroIncremental: { kind: 'content-data' } });
    const module = new URL('store-module.mjs', cacheDir);
    await writeFile(module, made!.code);
    expect(((await import(module.href)) as { default: unknown }).default).toEqual(store);
  });

  it("reads the dev server's own file under astro dev", async () => {
    const root = await cacheWithStore();
    await mkdir(new URL('.astro/', root));
    await writeFile(new URL('.astro/data-store.json', root), '[]');
    const made = loadWith({ cacheDir: new URL('node_modules/.astro/', root), root }, 'dev')(storeId);
    expect(made?.code).toContain(JSON.stringify(join(fileURLToPath(root), '.astro', 'data-store.json')));
  });

  it('leaves every other module, a chunked store and other builds to Astro', async () => {
    const cacheDir = await cacheWithStore();
    const load = loadWith({ cacheDir });
    expect(load(storeId)).toBeDefined();
    expect(load('astro:data-layer-content')).toBeUndefined();
    expect(load('/src/pages/index.astro')).toBeUndefined();
    expect(load(`${storeId}?x`)).toBeUndefined();
    expect(loadWith({ cacheDir, collectionStorage: 'single-file' })(storeId)).toBeDefined();
    expect(loadWith({ cacheDir, collectionStorage: 'chunked' })(storeId)).toBeUndefined();
    expect(loadWith({ cacheDir, collectionStorage: { type: 'chunked', chunkSize: 1024 } })(storeId)).toBeUndefined();
    // A site with an adapter (asked for when the module is made), a command that bundles nothing, and a store not written yet.
    let adapter = false;
    const later = loadWith({ cacheDir }, 'build', () => adapter);
    adapter = true;
    expect(later(storeId)).toBeUndefined();
    expect(loadWith({ cacheDir }, 'preview')(storeId)).toBeUndefined();
    const empty = pathToFileURL(`${await mkdtemp(join(tmpdir(), 'data-store-'))}/`);
    expect(loadWith({ cacheDir: empty })(storeId)).toBeUndefined();
  });

  it('names the file when it cannot be read as the module runs, rather than giving Astro nothing to say', async () => {
    const cacheDir = await cacheWithStore();
    const made = loadWith({ cacheDir })(storeId);
    await rm(new URL('data-store.json', cacheDir));
    const module = new URL('store-module.mjs', cacheDir);
    await writeFile(module, made!.code);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    await expect(import(module.href)).rejects.toThrow(/ENOENT/);
    expect(errors).toHaveBeenCalledWith(expect.stringContaining(fileURLToPath(new URL('data-store.json', cacheDir))));
    errors.mockRestore();
  });
});
