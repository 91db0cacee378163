import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob } from 'astro/loaders';
import type { Loader, LoaderContext } from 'astro/loaders';
import { AstroError } from 'astro/errors';
import { configuredPaths } from '../defaults.ts';
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
 * file name being the slug. Wraps Astro's `glob()` with `deferRender`, so a
 * failing Markdown plugin fails the build and memory stays bounded, and adds
 * what glob cannot: frontmatter read without YAML timestamps (so 2025-02-30
 * is an error, not March 2nd), errors that name the file and line, and a stop
 * when two files hold the same arXiv paper.
 */
export function papersLoader(options: PapersLoaderOptions = {}): Loader {
  const base = options.base ?? configuredPaths().papers;
  const inner = glob({ pattern: '**/[^_]*.{md,mdx}', base, deferRender: true });
  return {
    name: 'astro-papershelf:papers',
    async load(context) {
      await inner.load({ ...context, parseData: (props) => parsePaper(context, props) });
      assertNoDuplicates(context);
    },
  };
}

async function parsePaper<T extends Record<string, unknown>>(
  context: LoaderContext,
  props: { id: string; data: T; filePath?: string },
): Promise<T> {
  const root = fileURLToPath(context.config.root);
  const file = props.filePath ? relative(root, props.filePath) : props.id;
  const frontmatter = props.filePath ? readFrontmatter(await readFile(props.filePath, 'utf8')) : undefined;
  if (frontmatter?.error) {
    throw new AstroError(`${file}:${frontmatter.error.line}: the frontmatter is not valid YAML: ${frontmatter.error.message}`, 'Fix the YAML between the `---` lines; quote values that contain `:` or `#`.');
  }
  try {
    return await context.parseData({ ...props, data: (frontmatter?.data ?? props.data) as T });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new AstroError(schemaErrorMessage(message, file, frontmatter?.lineOf ?? (() => undefined), Object.keys(frontmatter?.data ?? props.data)), 'Each line names a field of the paper file; the paper schema is documented in the astro-papershelf README.');
  }
}

function assertNoDuplicates(context: LoaderContext): void {
  const papers = context.store.values().map((entry) => ({ file: entry.filePath ?? entry.id, arxiv: entry.data['arxiv'] }));
  const duplicates = findDuplicatePapers(papers);
  if (duplicates.length === 0) return;
  const lines = duplicates.map((d) => `arXiv ${d.arxiv} is in ${d.files.map((f) => `\`${f}\``).join(' and ')}`);
  throw new AstroError(`Two paper files hold the same arXiv paper:\n${lines.join('\n')}`, 'Keep one file per paper: merge them and delete the other.');
}
