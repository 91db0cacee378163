import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { AstroConfig, AstroIntegrationLogger } from 'astro';
import { markBuildStart } from './prune-stale-output.ts';

/** The parts of Astro's incremental-build manifest (`<cacheDir>/incremental-build.json`) this report reads. */
export interface Manifest {
  configHash?: string;
  lockfileHash?: string;
}

/** What the report needs from the start of the build. */
export interface BuildStart {
  /** When the build started (ms since the epoch, the file system's clock): files written since were written by this build. */
  startedAt: number;
  /** The manifest the last build left, if any. */
  previous: Manifest | undefined;
}

const manifestFile = (config: AstroConfig) => new URL('incremental-build.json', config.cacheDir);

/** Notes what the incremental cache held when the build started. */
export async function noteBuildStart(config: AstroConfig): Promise<BuildStart> {
  return { startedAt: await markBuildStart(config.cacheDir), previous: await readManifest(config) };
}

/**
 * Says how many pages this build rendered and how many it restored from the
 * last build (Astro counts both as "built"), and why nothing was reused when
 * the cache was dropped: a changed config or lockfile, or no earlier build.
 * A restored page's cached copy predates this build; a rendered one's does not.
 */
export async function reportIncremental(
  config: AstroConfig,
  start: BuildStart,
  outputs: Map<string, URL[]>,
  dist: URL,
  logger: AstroIntegrationLogger,
): Promise<void> {
  const next = await readManifest(config);
  const cache = new URL('dist/', config.cacheDir);
  let total = 0;
  let restored = 0;
  for (const files of outputs.values()) {
    for (const file of files) {
      total++;
      // Synchronous: one call per page, tens of thousands of them, each cheaper than a promise's round trip.
      const cached = statSync(new URL(file.href.slice(dist.href.length), cache), { throwIfNoEntry: false });
      if (cached && cached.mtimeMs < start.startedAt) restored++;
    }
  }
  const counts = `pages and files: ${total - restored} rendered, ${restored} restored from the last build`;
  // `astro build --force` empties the cache; the flag is read from the command line, as Astro's CLI reads it.
  const why = restored > 0 ? '' : ` (${dropReason(start.previous, next, process.argv.includes('--force'))})`;
  logger.info(`${counts}${why}`);
}

/** Why a build restored no page from the last one, as the build's log says it. */
export function dropReason(previous: Manifest | undefined, next: Manifest | undefined, forced = false): string {
  if (forced) return 'the build was run with --force, which renders every page afresh';
  if (!previous) return 'no earlier build in the cache to reuse';
  if (next && previous.configHash !== next.configHash) return "the site's Astro config changed, so Astro dropped the cache";
  if (next && previous.lockfileHash !== next.lockfileHash) return 'the lockfile changed, so Astro dropped the cache';
  return 'what every page shows changed, or the code of the pages did (a new version of the archive or of its components)';
}

async function readManifest(config: AstroConfig): Promise<Manifest | undefined> {
  try {
    return JSON.parse(await readFile(manifestFile(config), 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}
