import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { readVocabularyTags, type TagDefinition } from './parse-vocabulary.ts';
import { compileVocabulary } from './compile-vocabulary.ts';
import { VocabularyError, type VocabularyProblem } from './vocabulary-problem.ts';

/** The vocabulary file as read at build time: its definitions, or none when the site has no file. */
export interface VocabularyFile {
  /** The path as configured, for messages (e.g. `content/tags.yml`). */
  file: string;
  /** The absolute path, for watching. */
  path: string;
  /** Undefined when the file does not exist: the site uses free tags. */
  definitions: TagDefinition[] | undefined;
}

/**
 * Reads and checks the vocabulary (the I/O edge of the taxonomy). Throws a
 * `VocabularyError` naming every problem; a missing file is not one.
 */
export function readVocabularyFile(root: string, file: string): VocabularyFile {
  const path = isAbsolute(file) ? file : join(root, file);
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { file, path, definitions: undefined };
    throw error;
  }
  const { tags, problems } = readVocabularyTags(source);
  const all: VocabularyProblem[] = [...problems];
  try {
    compileVocabulary(tags, file);
  } catch (error) {
    if (!(error instanceof VocabularyError)) throw error;
    all.push(...error.problems);
  }
  if (all.length > 0)
    throw new VocabularyError(
      file,
      all.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
    );
  return { file, path, definitions: tags };
}
