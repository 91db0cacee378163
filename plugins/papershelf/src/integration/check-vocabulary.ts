import { AstroError } from 'astro/errors';
import { readVocabularyFile } from '../taxonomy/read-vocabulary-file.ts';
import { VocabularyError } from '../taxonomy/vocabulary-problem.ts';

/** Stops before any page is built when the vocabulary file has a problem. */
export function checkVocabulary(root: string, file: string): void {
  try {
    readVocabularyFile(root, file);
  } catch (error) {
    if (error instanceof VocabularyError)
      throw new AstroError(error.message, `Fix the tags named above in ${file}; its format is in the astro-papershelf README.`);
    throw error;
  }
}
