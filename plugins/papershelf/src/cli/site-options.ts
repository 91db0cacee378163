import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultOptions, papershelfOptionsOf } from '../integration/options-hook.ts';
import type { PapershelfOptions } from '../options.ts';

/** The config file names Astro looks for, in its order. */
const configFiles = ['astro.config.mjs', 'astro.config.js', 'astro.config.ts', 'astro.config.mts', 'astro.config.cjs', 'astro.config.cts'];

/** The options the site's build uses, and where they came from (for messages). */
export interface SiteOptions {
  options: PapershelfOptions;
  /** The config file read, relative to the root; undefined when the folder has none. */
  configFile: string | undefined;
}

/**
 * Reads the site's Astro config the way `astro build` does and returns the
 * options its `papershelf()` call resolved (paths, free tags, KaTeX macros…),
 * so the command checks and writes exactly what the build will read. A
 * folder without a config, or a config without the integration, gets the defaults.
 */
export async function readSiteOptions(root: string): Promise<SiteOptions> {
  const configFile = configFiles.find((name) => existsSync(join(root, name)));
  if (!configFile) return { options: defaultOptions(), configFile };
  const config = await importConfig(join(root, configFile), configFile);
  return { options: papershelfOptionsOf(config?.integrations) ?? defaultOptions(), configFile };
}

async function importConfig(path: string, shown: string): Promise<{ integrations?: unknown } | undefined> {
  try {
    if (/\.[cm]?js$/.test(path)) return ((await import(pathToFileURL(path).href)) as { default?: { integrations?: unknown } }).default;
    // TypeScript configs go through Vite's module runner, as Astro itself loads them.
    const { runnerImport } = await import('vite');
    const { module } = await runnerImport<{ default?: { integrations?: unknown } }>(path, { configFile: false, logLevel: 'silent' });
    return module.default;
  } catch (error) {
    throw new Error(
      `cannot read the site's settings from \`${shown}\`: ${error instanceof Error ? error.message : String(error)}. Fix the config (\`astro build\` shows the same error), or run from the site's root folder.`,
      { cause: error },
    );
  }
}

/**
 * The papers folder and vocabulary file a command uses, and the site's KaTeX
 * macros: its flags, else the site's settings, read once and only when a
 * flag is missing and the value is asked for.
 */
export function sitePaths(root: string, flags: { papers?: string | undefined; tags?: string | undefined }) {
  let site: Promise<SiteOptions> | undefined;
  const options = async () => (await (site ??= readSiteOptions(root))).options;
  return {
    papers: async () => flags.papers ?? (await options()).paths.papers,
    /** The papers folder a command writes into (see `papersFolderToWrite`). */
    papersToWrite: async () => papersFolderToWrite(root, flags.papers, await (site ??= readSiteOptions(root))),
    tags: async () => flags.tags ?? (await options()).paths.tags,
    macros: async () => (await options()).macros,
  };
}

/**
 * The papers folder a command writes new paper files into, relative to the
 * root. It must be there, unless it is the folder the site's own config
 * names (a new site's first paper makes it): a folder given with --papers that
 * is not there is a typo more often than a new archive, and a folder with no
 * site config is not the site's root. Either way the papers written would be
 * matched against no archive and duplicate it.
 */
export function papersFolderToWrite(root: string, flag: string | undefined, site: SiteOptions): string {
  const folder = flag ?? site.options.paths.papers;
  const path = resolve(root, folder);
  if (existsSync(path)) {
    if (!statSync(path).isDirectory())
      throw new Error(`\`${folder}\` is a file, not a folder; pass the folder of paper files (such as content/papers)`);
    return folder;
  }
  if (flag !== undefined)
    throw new Error(
      `there is no folder \`${folder}\` in ${root}; check the --papers path, or make the folder first (\`mkdir -p ${folder}\`) for a new archive`,
    );
  if (!site.configFile)
    throw new Error(`there is no papers folder \`${folder}\` and no astro.config in ${root}; run from the site's root, or pass --papers`);
  return folder;
}
