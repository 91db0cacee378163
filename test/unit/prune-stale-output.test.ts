// What an incremental build removes from the dist/ it keeps: files no step of this build wrote, copied or restored;
// never a file copied during the build with its source's old modification time (as macOS and Windows copy).
import { describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readdir, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { markBuildStart, pruneStaleOutput } from '../../plugins/papershelf/src/integration/prune-stale-output.ts';

describe('pruning the kept dist/', () => {
  it('removes what earlier builds left and keeps what this build wrote, copied or restored', async () => {
    const root = await mkdtemp(join(tmpdir(), 'prune-'));
    const dist = join(root, 'dist');
    const file = async (path: string) => {
      await mkdir(join(dist, path, '..'), { recursive: true });
      await writeFile(join(dist, path), path);
    };
    // Left by an earlier build.
    for (const path of ['papers/deleted/index.html', 'papers/restored/index.html', '_astro/old.css', '.git/HEAD', 'pagefind/x.pf'])
      await file(path);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const started = await markBuildStart(pathToFileURL(`${root}/cache/`));
    // Written by this build, and copied by it with the source's modification time kept.
    await file('papers/new/index.html');
    await file('robots.txt');
    await utimes(join(dist, 'robots.txt'), new Date('2020-01-01'), new Date('2020-01-01'));

    const outputs = new Map([['/papers/[slug]', [pathToFileURL(join(dist, 'papers/restored/index.html'))]]]);
    const removed = pruneStaleOutput(dist, started, outputs, ['pagefind']);

    expect(removed.sort()).toEqual(['_astro/old.css', 'papers/deleted/index.html']);
    const left = (await readdir(dist, { recursive: true })).sort();
    expect(left).toEqual([
      '.git',
      '.git/HEAD',
      'pagefind',
      'pagefind/x.pf',
      'papers',
      'papers/new',
      'papers/new/index.html',
      'papers/restored',
      'papers/restored/index.html',
      'robots.txt',
    ]);
  });
});
