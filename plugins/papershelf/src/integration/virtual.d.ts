declare module 'virtual:papershelf/options' {
  const options: import('../options.ts').PapershelfOptions & { site: import('./virtual-options.ts').SiteFacts };
  export default options;
}

declare module 'virtual:papershelf/vocabulary' {
  const vocabulary: {
    /** The vocabulary file as configured, e.g. `content/tags.yml`. */
    file: string;
    /** The file's tags; undefined when the site has no vocabulary file. */
    definitions: import('../taxonomy/parse-vocabulary.ts').TagDefinition[] | undefined;
  };
  export default vocabulary;
}

declare module 'virtual:papershelf/components' {
  type Component = import('astro/runtime/server/index.js').AstroComponentFactory;
  /** The page frame: `title`, `description?`, `searchBox?`, `runsSearch?`; slots: default, `head`. */
  export const Layout: Component;
  /** The header: `searchBox?`. */
  export const SiteHeader: Component;
  /** The footer: no props. */
  export const SiteFooter: Component;
  /** A paper in a listing: `paper` (Paper), `level?` (2 | 3). */
  export const PaperCard: Component;
  /** The head of a paper page: `paper` (Paper), `tagsById` (Map of Tag). */
  export const PaperHeader: Component;
}
