// Why a build restored no page from the last one: the first reason that holds, as the build's log says it.
import { describe, expect, it } from 'vitest';
import { dropReason } from '../../plugins/papershelf/src/integration/incremental-report.ts';

const manifest = { configHash: 'c1', lockfileHash: 'l1' };

describe('dropReason', () => {
  it('names --force before anything else, an earlier build or not', () => {
    expect(dropReason(manifest, manifest, true)).toBe('the build was run with --force, which renders every page afresh');
    expect(dropReason(undefined, manifest, true)).toContain('--force');
  });

  it('tells a first build, a changed config and a changed lockfile apart from a change to every page', () => {
    expect(dropReason(undefined, manifest)).toBe('no earlier build in the cache to reuse');
    expect(dropReason(manifest, { ...manifest, configHash: 'c2' })).toContain("the site's Astro config changed");
    expect(dropReason(manifest, { ...manifest, lockfileHash: 'l2' })).toContain('the lockfile changed');
    expect(dropReason(manifest, manifest)).toContain('what every page shows changed');
  });
});
