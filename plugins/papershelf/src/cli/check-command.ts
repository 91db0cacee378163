import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatProblem } from '../content/validate-paper.ts';
import { validateArchiveFolder } from '../content/validate-archive.ts';
import { validateOptionsOf, validatorSetupOf } from '../content/paper-validator.ts';
import { VocabularyError } from '../taxonomy/vocabulary-problem.ts';
import { findTemporaryFiles } from '../import/temporary-files.ts';
import { readSiteOptions } from './site-options.ts';

/**
 * `papershelf check`: every paper file checked with the build's own
 * validator (schema, tags, duplicates, reserved names) and every formula
 * through KaTeX, without building, with the settings of the site's own
 * `papershelf()` call (paths, free tags, KaTeX macros); flags override them.
 * Prints each problem as `file:line: message` and a count; returns 1 when there is any.
 */
export async function runCheck(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      papers: { type: 'string' },
      tags: { type: 'string' },
      'free-tags': { type: 'boolean' },
    },
  });
  const root = process.cwd();
  const { options } = await readSiteOptions(root);
  const papersDir = values.papers ?? options.paths.papers;
  const tagsFile = values.tags ?? options.paths.tags;
  const freeTags = values['free-tags'] ?? options.freeTags;
  const lines: string[] = [];
  // Said after the problems, not counted among them: what this check could not look at, and why.
  const notes: string[] = [];
  let vocabulary;
  if (values.tags !== undefined && !freeTags && !existsSync(resolve(root, values.tags)))
    lines.push(
      `${values.tags}: there is no such file, so no tag could be checked; pass your vocabulary file (such as content/tags.yml) to --tags`,
    );
  const misnamed = values.tags === undefined && !freeTags ? misnamedVocabulary(root, tagsFile) : undefined;
  if (misnamed) notes.push(misnamed);
  try {
    ({ vocabulary } = validateOptionsOf(validatorSetupOf(root, tagsFile, freeTags)));
  } catch (error) {
    if (!(error instanceof VocabularyError)) throw error;
    lines.push(...error.problems.map((p) => `${tagsFile}${p.line ? `:${p.line}` : ''}: ${p.message}`));
    notes.push(`the papers' tags were not checked, as ${tagsFile} has problems; fix them and check again`);
  }
  const folder = resolve(root, papersDir);
  const {
    files,
    problems,
    notes: paperNotes,
  } = await validateArchiveFolder(root, papersDir, {
    vocabulary,
    vocabularyFile: tagsFile,
    math: { macros: options.macros },
  });
  lines.push(...problems.map(formatProblem));
  notes.push(...paperNotes.map(formatProblem));
  for (const file of await findTemporaryFiles(folder)) {
    lines.push(
      `${relative(root, join(folder, file))}: a temporary file left by an interrupted import; delete it (the next \`papershelf import\` removes it too)`,
    );
  }
  for (const line of lines) console.log(line);
  for (const note of notes) console.log(`note: ${note}`);
  const papers = `${files.length} ${files.length === 1 ? 'paper' : 'papers'}`;
  console.log(
    lines.length === 0
      ? `checked ${papers}: no problems`
      : `checked ${papers}: ${lines.length} ${lines.length === 1 ? 'problem' : 'problems'}`,
  );
  return lines.length > 0 ? 1 : 0;
}

/**
 * A site without its vocabulary file takes any tag as written, and no rule
 * tags a paper: when a file of another spelling is beside where it should be
 * (`tags.yaml`, `Tags.yml`), that is most likely the file meant, and `check`
 * says so. A site with no such file simply has no vocabulary.
 */
function misnamedVocabulary(root: string, tagsFile: string): string | undefined {
  const path = resolve(root, tagsFile);
  if (existsSync(path) || !existsSync(dirname(path))) return undefined;
  const stem = basename(path)
    .replace(/\.ya?ml$/i, '')
    .toLowerCase();
  const near = readdirSync(dirname(path)).find((name) => /\.ya?ml$/i.test(name) && name.replace(/\.ya?ml$/i, '').toLowerCase() === stem);
  if (!near) return undefined;
  return `there is no ${tagsFile}, so any tag is taken as written and no rule tags a paper; ${relative(root, join(dirname(path), near))} is there: rename it to ${tagsFile} to use it`;
}
