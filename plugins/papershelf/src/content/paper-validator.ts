import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { compileVocabulary } from '../taxonomy/compile-vocabulary.ts';
import type { TagDefinition } from '../taxonomy/parse-vocabulary.ts';
import { readVocabularyFile } from '../taxonomy/read-vocabulary-file.ts';
import { validatePaperFile, type PaperProblem, type ValidateOptions } from './validate-paper.ts';
import type { ContentWorker } from './content-worker-client.ts';

/** What the loader learns of one paper file: its problems, and its frontmatter as read (dates as written). */
export interface FileValidation {
  problems: PaperProblem[];
  frontmatter: Record<string, unknown> | undefined;
}

/** Where the files are and what their tags must come from: plain data, the same on either thread. */
export interface ValidatorSetup {
  /** The site root, which files are named relative to in problems. */
  root: string;
  /** The vocabulary's definitions, undefined when any tag is allowed (free tags, or no vocabulary file). */
  definitions: TagDefinition[] | undefined;
  /** The vocabulary file as configured, for messages. */
  vocabularyFile: string;
}

/**
 * The setup of a site's checks: its vocabulary, unless free tags let papers
 * use any tag. The build's loader and `papershelf check` both start here, so
 * they check against the same tags. Throws the vocabulary file's problems.
 */
export function validatorSetupOf(root: string, vocabularyFile: string, freeTags: boolean): ValidatorSetup {
  const { definitions } = readVocabularyFile(root, vocabularyFile);
  return { root, definitions: freeTags ? undefined : definitions, vocabularyFile };
}

/** Validates one file with the validator `papershelf check` uses (see `validatePaperFile`). */
export async function validateFileAt(filePath: string, setup: ValidatorSetup, options: ValidateOptions): Promise<FileValidation> {
  const found = validatePaperFile(await readFile(filePath, 'utf8'), relative(setup.root, filePath), { ...options, root: setup.root });
  return { problems: found.problems, frontmatter: found.frontmatter };
}

/** The options `validatePaperFile` takes, made from the setup. */
export function validateOptionsOf(setup: ValidatorSetup): ValidateOptions {
  return {
    vocabulary: setup.definitions && compileVocabulary(setup.definitions, setup.vocabularyFile),
    vocabularyFile: setup.vocabularyFile,
  };
}

/**
 * Checks a content sync's paper files: on the content worker once it runs
 * (checking a file, reading it again, its YAML without timestamps, the
 * schema and its tags, took 3.1 s of a 10,000-paper sync on the main thread),
 * else on this thread. Both give the same answer: the same function, on the
 * same definitions.
 */
export function paperValidator(setup: ValidatorSetup, worker: ContentWorker | undefined): (filePath: string) => Promise<FileValidation> {
  const here = validateOptionsOf(setup);
  return async (filePath) =>
    (await worker?.ask<FileValidation>({ kind: 'validate', filePath })) ?? validateFileAt(filePath, setup, here);
}
