import type { Plugin } from 'vite';
import { readVocabularyFile } from './taxonomy/read-vocabulary-file.ts';

const id = 'virtual:papershelf/vocabulary';

/**
 * Serves the tag vocabulary to pages as `virtual:papershelf/vocabulary`:
 * `{ file, definitions }`, definitions undefined without a file. The file is
 * watched, so in dev an edit to it rebuilds the taxonomy.
 */
export function virtualVocabularyPlugin(root: string, file: string): Plugin {
  return {
    name: 'astro-papershelf:vocabulary',
    resolveId(source) {
      return source === id ? `\0${id}` : undefined;
    },
    load(resolved) {
      if (resolved !== `\0${id}`) return undefined;
      const vocabulary = readVocabularyFile(root, file);
      this.addWatchFile(vocabulary.path);
      return `export default ${JSON.stringify({ file: vocabulary.file, definitions: vocabulary.definitions })};`;
    },
  };
}
