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
