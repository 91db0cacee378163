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

const key = Symbol.for('astro-papershelf.paths');

/**
 * The paths the integration was configured with, so `papersLoader()` in the
 * site's content config follows `papershelf({ paths })` without repeating
 * it. Content sync runs in the process that ran `astro:config:setup`.
 */
export function configuredPaths(): ArchivePaths {
  const holder = globalThis as unknown as Record<symbol, ArchivePaths | undefined>;
  return holder[key] ?? { ...defaultPaths };
}

/** Records the integration's resolved paths (called from `astro:config:setup`). */
export function setConfiguredPaths(paths: ArchivePaths): void {
  (globalThis as unknown as Record<symbol, ArchivePaths>)[key] = { ...paths };
}
