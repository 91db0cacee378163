import { link, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import type { ImportedPaper } from './imported-paper.ts';
import { paperFileContent } from './paper-file.ts';
import { identityKeys } from './paper-identity.ts';
import { titleSlug, uniqueSlug } from './title-slug.ts';
import { readFrontmatter } from '../content/read-frontmatter.ts';
import { removeStaleTemporaryFiles, removeTemporaryFolderIfEmpty, temporaryPath } from './temporary-files.ts';

/** What happened to each record of an import. */
export interface ImportSummary {
  /** New files written. */
  created: string[];
  /** Records whose file already says exactly this. */
  unchanged: string[];
  /** Records matching a paper whose file differs (e.g. edited by hand): left alone without `force`. */
  exists: string[];
  /** Files replaced because `force` was given. */
  overwritten: string[];
  /** Temporary files of an interrupted earlier import, removed before this one wrote anything. */
  removedTemporary: string[];
}

/** Options of `writePapers`. */
export interface WriteOptions {
  /** The papers folder. */
  dir: string;
  /** Paths in messages are relative to this (the site root). */
  root: string;
  /** Replace a matching paper's file when its content differs. */
  force?: boolean;
  /** Report what would happen; write nothing. */
  dryRun?: boolean;
  /** Called after each record, for progress. */
  onProgress?: (done: number, total: number) => void;
}

interface ExistingPaper {
  path: string;
  content: string;
}

/**
 * Writes imported papers into the papers folder without ever losing one:
 * a record matching an existing paper (arXiv id, DOI or title) is
 * "unchanged" or "exists" and its file is not touched unless `force`; new
 * files never replace a file of the same name (`-2`, `-3`, … instead); each
 * file is written to a temporary name and renamed, so a run that fails
 * midway leaves no half-written paper.
 */
export async function writePapers(papers: readonly ImportedPaper[], options: WriteOptions): Promise<ImportSummary> {
  const show = (path: string) => relative(options.root, path);
  const removedTemporary = options.dryRun
    ? []
    : (await removeStaleTemporaryFiles(options.dir)).map((file) => show(join(options.dir, file)));
  const summary: ImportSummary = { created: [], unchanged: [], exists: [], overwritten: [], removedTemporary };
  const { byKey, names } = await indexExisting(options.dir);
  if (!options.dryRun) await mkdir(options.dir, { recursive: true });
  for (const [index, paper] of papers.entries()) {
    const content = paperFileContent(paper);
    const keys = identityKeys(paper);
    const match = keys.map((key) => byKey.get(key)).find((found) => found !== undefined);
    if (match && match.content === content) {
      summary.unchanged.push(show(match.path));
    } else if (match && !options.force) {
      summary.exists.push(show(match.path));
    } else if (match) {
      if (!options.dryRun) await writeAtomically(options.dir, match.path, content, false);
      match.content = content;
      summary.overwritten.push(show(match.path));
    } else {
      const slug = uniqueSlug(titleSlug(paper.title), (name) => names.has(name));
      const path = join(options.dir, `${slug}.md`);
      if (!options.dryRun) await writeAtomically(options.dir, path, content, true);
      names.add(slug);
      const created = { path, content };
      for (const key of keys) byKey.set(key, created);
      summary.created.push(show(path));
    }
    options.onProgress?.(index + 1, papers.length);
  }
  if (!options.dryRun) await removeTemporaryFolderIfEmpty(options.dir);
  return summary;
}

async function indexExisting(dir: string): Promise<{ byKey: Map<string, ExistingPaper>; names: Set<string> }> {
  const byKey = new Map<string, ExistingPaper>();
  const names = new Set<string>();
  // A folder that does not exist yet is an empty archive; any other failure to read it must stop the import.
  const files = await readdir(dir, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw new Error(`cannot read the papers folder \`${dir}\` (${error.code ?? error.message}); check its permissions`);
  });
  for (const file of files) {
    const match = /^(.*)\.mdx?$/.exec(file);
    if (!match) continue;
    names.add(match[1]!.toLowerCase());
    const path = join(dir, file);
    const content = await readFile(path, 'utf8');
    const data = readFrontmatter(content)?.data ?? {};
    if (typeof data['title'] !== 'string') continue;
    const paper = { path, content };
    const keys = identityKeys({ title: data['title'], arxiv: stringOrUndefined(data['arxiv']), doi: stringOrUndefined(data['doi']) });
    for (const key of keys) if (!byKey.has(key)) byKey.set(key, paper);
  }
  return { byKey, names };
}

async function writeAtomically(dir: string, path: string, content: string, mustBeNew: boolean): Promise<void> {
  const temporary = temporaryPath(dir, basename(path));
  await mkdir(dirname(temporary), { recursive: true });
  try {
    await writeFile(temporary, content, { flag: 'wx' });
    // link() publishes the whole file at once and, unlike rename(), fails if the name was taken meanwhile.
    if (mustBeNew) await link(temporary, path);
    else await rename(temporary, path);
  } finally {
    await rm(temporary, { force: true });
  }
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
