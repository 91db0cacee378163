// Which builds read the data store from its file (data-store-from-file.ts), and that the module made for them
// gives the store the file holds. A real build's bundle is checked in test/build/data-store-file.test.ts.
import { describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dataStoreFromFile } from '../../plugins/papershelf/src/integration/data-store-from-file.ts';

const storeId = '\0astro:data-layer-content';
const root = new URL('file:///site/');
const store = [['Map', 1], 'papers', 'Ünïcode “text”'];

async function cacheWithStore(): Promise<URL> {
  const folder = await mkdtemp(join(tmpdir(), 'data-store-'));
  await writeFile(join(folder, 'data-store.json'), JSON.stringify(store));
  return pathToFileURL(`${folder}/`);
}

describe('dataStoreFromFile', () => {
  it("makes Astro's inlined store a module that reads the file, which gives the same store", async () => {
    const cacheDir = await cacheWithStore();
    const plugin = dataStoreFromFile({ adapter: undefined, cacheDir, root }, 'build');
    const made = plugin.transform(`export default JSON.parse(${JSON.stringify(JSON.stringify(['stale']))})`, storeId);
    expect(made?.code).toContain('readFileSync(');
    const module = new URL('store-module.mjs', cacheDir);
    await writeFile(module, made!.code);
    expect(((await import(module.href)) as { default: unknown }).default).toEqual(store);
  });

  it("reads the dev server's own file under astro dev", async () => {
    const root = await cacheWithStore();
    await mkdir(new URL('.astro/', root));
    await writeFile(new URL('.astro/data-store.json', root), '[]');
    const made = dataStoreFromFile({ adapter: undefined, cacheDir: new URL('node_modules/.astro/', root), root }, 'dev').transform(
      'export default JSON.parse("[]")',
      storeId,
    );
    expect(made?.code).toContain(JSON.stringify(join(fileURLToPath(root), '.astro', 'data-store.json')));
  });

  it('leaves every other module, shape and build as Astro made them', async () => {
    const cacheDir = await cacheWithStore();
    const inlined = 'export default JSON.parse("[]")';
    const plugin = dataStoreFromFile({ adapter: undefined, cacheDir, root }, 'build');
    expect(plugin.transform(inlined, 'astro:data-layer-content')).toBeUndefined();
    expect(plugin.transform(inlined, '/src/pages/index.astro')).toBeUndefined();
    // The chunked store's module, and an empty store.
    expect(plugin.transform('export default{"papers":[(await import("x"))]}', storeId)).toBeUndefined();
    expect(plugin.transform('export default new Map()', storeId)).toBeUndefined();
    // A site with an adapter, a command that bundles nothing, and a store not written yet.
    const adapter = { name: '@astrojs/node', hooks: {} };
    expect(dataStoreFromFile({ adapter, cacheDir, root }, 'build').transform(inlined, storeId)).toBeUndefined();
    expect(dataStoreFromFile({ adapter: undefined, cacheDir, root }, 'preview').transform(inlined, storeId)).toBeUndefined();
    const empty = pathToFileURL(`${await mkdtemp(join(tmpdir(), 'data-store-'))}/`);
    expect(dataStoreFromFile({ adapter: undefined, cacheDir: empty, root }, 'build').transform(inlined, storeId)).toBeUndefined();
  });
});
