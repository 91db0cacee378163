// Which builds read the data store from its file (data-store-from-file.ts), and that the module made for them
// gives the store the file holds. A real build's bundle is checked in test/build/data-store-file.test.ts.
import { describe, expect, it } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { dataStoreFromFile } from '../../plugins/papershelf/src/integration/data-store-from-file.ts';

const storeId = '\0astro:data-layer-content';
const store = [['Map', 1], 'papers', 'Ünïcode “text”'];

async function cacheWithStore(): Promise<URL> {
  const folder = await mkdtemp(join(tmpdir(), 'data-store-'));
  await writeFile(join(folder, 'data-store.json'), JSON.stringify(store));
  return pathToFileURL(`${folder}/`);
}

describe('dataStoreFromFile', () => {
  it("makes Astro's inlined store a module that reads the file, which gives the same store", async () => {
    const cacheDir = await cacheWithStore();
    const plugin = dataStoreFromFile({ output: 'static', adapter: undefined, cacheDir });
    const made = plugin.transform(`export default JSON.parse(${JSON.stringify(JSON.stringify(['stale']))})`, storeId);
    expect(made?.code).toContain('readFileSync(');
    const module = new URL('store-module.mjs', cacheDir);
    await writeFile(module, made!.code);
    expect(((await import(module.href)) as { default: unknown }).default).toEqual(store);
  });

  it('leaves every other module, shape and build as Astro made them', async () => {
    const cacheDir = await cacheWithStore();
    const inlined = 'export default JSON.parse("[]")';
    const plugin = dataStoreFromFile({ output: 'static', adapter: undefined, cacheDir });
    expect(plugin.transform(inlined, 'astro:data-layer-content')).toBeUndefined();
    expect(plugin.transform(inlined, '/src/pages/index.astro')).toBeUndefined();
    // The chunked store's module, and an empty store.
    expect(plugin.transform('export default{"papers":[(await import("x"))]}', storeId)).toBeUndefined();
    expect(plugin.transform('export default new Map()', storeId)).toBeUndefined();
    // A server build, a site with an adapter, and a store not written yet.
    expect(dataStoreFromFile({ output: 'server', adapter: undefined, cacheDir }).transform(inlined, storeId)).toBeUndefined();
    const adapter = { name: '@astrojs/node', hooks: {} };
    expect(dataStoreFromFile({ output: 'static', adapter, cacheDir }).transform(inlined, storeId)).toBeUndefined();
    const empty = pathToFileURL(`${await mkdtemp(join(tmpdir(), 'data-store-'))}/`);
    expect(dataStoreFromFile({ output: 'static', adapter: undefined, cacheDir: empty }).transform(inlined, storeId)).toBeUndefined();
  });
});
