// What a scan found on a built page is reused only while the page keeps its size and modification time.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pageScanCache } from '../../plugins/papershelf/src/integration/page-scan-cache.ts';

describe('pageScanCache', () => {
  it('gives the last finding for an unchanged page, none for a changed one, and forgets pages not seen', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'page-scan-')), 'nested', 'scan.json');
    const first = pageScanCache<string[]>(file);
    expect(first.get('a.html', 10, 1)).toBeUndefined();
    first.set('a.html', 10, 1, ['mark']);
    first.set('b.html', 20, 2, []);
    first.set('gone.html', 30, 3, ['old']);
    first.save();

    const second = pageScanCache<string[]>(file);
    expect(second.get('a.html', 10, 1)).toEqual(['mark']);
    expect(second.get('b.html', 21, 2)).toBeUndefined(); // another size
    expect(second.get('b.html', 20, 5)).toBeUndefined(); // written again
    second.save();
    // Only what this scan saw or kept is written: the unchanged page, not the changed or unseen ones.
    expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')) as object)).toEqual(['a.html']);
  });

  it('starts empty when there is no file yet', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'page-scan-')), 'scan.json');
    expect(pageScanCache<string>(file).get('a.html', 1, 1)).toBeUndefined();
  });
});
