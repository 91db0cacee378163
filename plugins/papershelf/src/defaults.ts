/** Where an archive keeps its data, relative to the site's root. */
export interface ArchivePaths {
  /** Folder of paper files, one `.md` or `.mdx` a paper. Default `content/papers`. */
  papers: string;
  /** The tag vocabulary. Default `content/tags.yml`. */
  tags: string;
}

/** The one place the default paths are written down. */
export const defaultPaths: Readonly<ArchivePaths> = Object.freeze({
  papers: 'content/papers',
  tags: 'content/tags.yml',
});

/** What `papersLoader()` needs from the integration's options. */
export interface LoaderSettings {
  paths: ArchivePaths;
  freeTags: boolean;
}

const key = Symbol.for('astro-papershelf.paths');

/**
 * The settings the integration was configured with, so `papersLoader()` in
 * the site's content config follows `papershelf({ paths, freeTags })`
 * without repeating them. Content sync runs in the process that ran
 * `astro:config:setup`.
 */
export function configuredSettings(): LoaderSettings {
  const holder = globalThis as unknown as Record<symbol, LoaderSettings | undefined>;
  return holder[key] ?? { paths: { ...defaultPaths }, freeTags: false };
}

/** The configured paths (see `configuredSettings`). */
export function configuredPaths(): ArchivePaths {
  return configuredSettings().paths;
}

/** Records the integration's resolved settings (called from `astro:config:setup`). */
export function setConfiguredSettings(settings: LoaderSettings): void {
  (globalThis as unknown as Record<symbol, LoaderSettings>)[key] = { paths: { ...settings.paths }, freeTags: settings.freeTags };
}
