// What `astro dev` leaves unwatched: the last build's output, never the project itself.
import { describe, expect, it } from 'vitest';
import { mergeConfig } from 'vite';
import { notSource } from '../../plugins/papershelf/src/integration/vite-settings.ts';

const config = (outDir: string) => ({ root: new URL('file:///site/'), outDir: new URL(outDir) });

describe('notSource', () => {
  it("ignores dist/ and everything in it, whichever slashes the watcher's paths have", () => {
    const ignored = notSource(config('file:///site/dist/'));
    expect(ignored('/site/dist')).toBe(true);
    expect(ignored('/site/dist/arxiv/2508.00001/index.html')).toBe(true);
    expect(ignored('\\site\\dist\\papers\\x\\index.html')).toBe(true);
    expect(ignored('/site/content/papers/x.md')).toBe(false);
    expect(ignored('/site/src/pages/index.astro')).toBe(false);
    expect(ignored('/site/dist-notes/x.md')).toBe(false);
  });

  it('watches everything when the output folder holds the project', () => {
    for (const outDir of ['file:///site/', 'file:///']) {
      const ignored = notSource(config(outDir));
      expect(ignored('/site/content/papers/x.md')).toBe(false);
      expect(ignored('/site/dist/index.html')).toBe(false);
    }
  });

  it("keeps a site's own ignore rules beside it when Vite merges the configs", () => {
    const own = (path: string) => path.endsWith('.tmp');
    const merged = mergeConfig(
      { server: { watch: { ignored: own } } },
      { server: { watch: { ignored: [notSource(config('file:///site/dist/'))] } } },
    );
    const rules = merged.server.watch.ignored as ((path: string) => boolean)[];
    expect(rules).toHaveLength(2);
    expect(rules.some((rule) => rule('/site/content/draft.tmp'))).toBe(true);
    expect(rules.some((rule) => rule('/site/dist/index.html'))).toBe(true);
  });
});
