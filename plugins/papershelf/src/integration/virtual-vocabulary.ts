import type { Plugin } from 'vite';
import { virtualModule } from './virtual-module.ts';
import { readVocabularyFile } from '../taxonomy/read-vocabulary-file.ts';

const id = 'virtual:papershelf/vocabulary';

/**
 * Serves the tag vocabulary to pages as `virtual:papershelf/vocabulary`:
 * `{ file, definitions }`, definitions undefined without a file. The file is
 * watched, so in dev an edit to it rebuilds the taxonomy.
 */
export function virtualVocabularyPlugin(root: string, file: string): Plugin {
  return virtualModule(id, (context) => {
    const vocabulary = readVocabularyFile(root, file);
    context.addWatchFile(vocabulary.path);
    return `export default ${JSON.stringify({ file: vocabulary.file, definitions: vocabulary.definitions })};`;
  });
}
