declare module 'virtual:papershelf/options' {
  const options: import('./options.ts').PapershelfOptions & { site: import('./virtual-options.ts').SiteFacts };
  export default options;
}

declare module 'virtual:papershelf/vocabulary' {
  const vocabulary: {
    /** The vocabulary file as configured, e.g. `content/tags.yml`. */
    file: string;
    /** The file's tags; undefined when the site has no vocabulary file. */
    definitions: import('./taxonomy/parse-vocabulary.ts').TagDefinition[] | undefined;
  };
  export default vocabulary;
}
