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

// One module per replaceable component (see `componentDefaults` in options.ts for each one's props).
declare module 'virtual:papershelf/components/*' {
  const Component: import('astro/runtime/server/index.js').AstroComponentFactory;
  export default Component;
}
