import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob } from 'astro/loaders';
import type { Loader, LoaderContext } from 'astro/loaders';
import { AstroError } from 'astro/errors';
import { defaultOptions, papershelfOptionsOf } from '../integration/options-hook.ts';
import { readVocabularyFile } from '../taxonomy/read-vocabulary-file.ts';
import { compileVocabulary, type Vocabulary } from '../taxonomy/compile-vocabulary.ts';
import { taxonomyProblemsHint, unknownTagMessage } from '../taxonomy/taxonomy-messages.ts';
import { readFrontmatter } from './read-frontmatter.ts';
import { schemaErrorMessage } from './schema-error.ts';
import { findDuplicatePapers } from './duplicate-papers.ts';

/** Options of `papersLoader()`. */
export interface PapersLoaderOptions {
  /** Folder of paper files relative to the site root (default: the integration's `paths.papers`, else `content/papers`). */
  base?: string;
}

/**
 * Loads one paper a file from `content/papers/**` (`.md` and `.mdx`), the
 * file name being the slug. Wraps Astro's `glob()`, which renders Markdown
 * while syncing content and keeps the HTML in the content layer's cache, so
 * a rebuild re-renders only the papers that changed (the benchmark measured
 * `deferRender` at 3× the build time: every paper became a Vite module). It adds
 * what glob cannot: frontmatter read without YAML timestamps (so 2025-02-30
 * is an error, not March 2nd), errors that name the file and line, and a stop
 * when two files hold the same arXiv paper.
 */
export function papersLoader(options: PapersLoaderOptions = {}): Loader {
  // One glob loader for the life of the process: it remembers which file is which entry between loads in `astro dev`.
  let inner: Loader | undefined;
  return {
    name: 'astro-papershelf:papers',
    async load(context) {
      // The integration's settings come with the config the loader is given, never through global state.
      const settings = papershelfOptionsOf(context.config.integrations) ?? defaultOptions();
      inner ??= glob({ pattern: '**/[^_]*.{md,mdx}', base: options.base ?? settings.paths.papers });
      const tags = tagChecker(context, settings.paths.tags, settings.freeTags);
      await inner.load({ ...context, parseData: (props) => parsePaper(context, props, tags) });
      assertNoDuplicates(context);
    },
  };
}

/** Which of a paper's tags the vocabulary does not know; none when free tags are on. */
type TagChecker = (tags: readonly string[]) => { index: number; message: string }[];

function tagChecker(context: LoaderContext, file: string, freeTags: boolean): TagChecker {
  const { definitions } = readVocabularyFile(fileURLToPath(context.config.root), file);
  if (!definitions || freeTags) return () => [];
  const vocabulary: Vocabulary = compileVocabulary(definitions, file);
  return (tags) =>
    tags.flatMap((tag, index) => (vocabulary.resolve(tag) === undefined ? [{ index, message: unknownTagMessage({ tag, suggestions: vocabulary.suggest(tag) }, file) }] : []));
}

async function parsePaper<T extends Record<string, unknown>>(
  context: LoaderContext,
  props: { id: string; data: T; filePath?: string },
  checkTags: TagChecker,
): Promise<T> {
  const root = fileURLToPath(context.config.root);
  const file = props.filePath ? relative(root, props.filePath) : props.id;
  const frontmatter = props.filePath ? readFrontmatter(await readFile(props.filePath, 'utf8')) : undefined;
  if (frontmatter?.error) {
    throw new AstroError(`${file}:${frontmatter.error.line}: the frontmatter is not valid YAML: ${frontmatter.error.message}`, 'Fix the YAML between the `---` lines; quote values that contain `:` or `#`.');
  }
  let data: T;
  try {
    data = await context.parseData({ ...props, data: (frontmatter?.data ?? props.data) as T });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new AstroError(schemaErrorMessage(message, file, frontmatter?.lineOf ?? (() => undefined), Object.keys(frontmatter?.data ?? props.data)), 'Each line names a field of the paper file; the paper schema is documented in the astro-papershelf README.');
  }
  const unknown = checkTags(Array.isArray(data['tags']) ? (data['tags'] as string[]) : []);
  if (unknown.length > 0) {
    const lines = unknown.map((u) => `${file}:${frontmatter?.lineOfItem?.('tags', u.index) ?? frontmatter?.lineOf('tags') ?? 1}: ${u.message}`);
    throw new AstroError(lines.join('\n'), taxonomyProblemsHint);
  }
  return data;
}

function assertNoDuplicates(context: LoaderContext): void {
  const papers = context.store.values().map((entry) => ({ file: entry.filePath ?? entry.id, arxiv: entry.data['arxiv'] }));
  const duplicates = findDuplicatePapers(papers);
  if (duplicates.length === 0) return;
  const lines = duplicates.map((d) => `arXiv ${d.arxiv} is in ${d.files.map((f) => `\`${f}\``).join(' and ')}`);
  throw new AstroError(`Two paper files hold the same arXiv paper:\n${lines.join('\n')}`, 'Keep one file per paper: merge them and delete the other.');
}
