import { link, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import type { ImportedPaper } from './imported-paper.ts';
import { paperFileContent } from './paper-file.ts';
import { enrichPaperFile, type FieldChanges } from './enrich-paper-file.ts';
import { identityKeys } from './paper-identity.ts';
import { arxivBaseId } from '../content/arxiv-id.ts';
import { titleSlug, uniqueSlug } from './title-slug.ts';
import { readFrontmatter } from '../content/read-frontmatter.ts';
import { removeStaleTemporaryFiles, removeTemporaryFolderIfEmpty, temporaryPath } from './temporary-files.ts';

/** A paper already in the archive that a record matched, and what the record changed in its file. */
export interface MatchedFile extends FieldChanges {
  file: string;
}

/** What happened to each record of an import: every record is in exactly one list. */
export interface ImportSummary {
  /** New files written. */
  created: string[];
  /** Records whose file already says all of this. */
  unchanged: string[];
  /** Files of papers already in the archive that gained fields they lacked (or, with `force`, took the record's values). */
  enriched: MatchedFile[];
  /** Records matching a paper whose file says otherwise (e.g. edited by hand) and lacks nothing: left as written. */
  exists: MatchedFile[];
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
  arxiv: string | undefined;
}

/**
 * Writes imported papers into the papers folder without ever losing one:
 * a record matching an existing paper (arXiv id, DOI or title) adds the
 * fields its file lacks and changes nothing else (`enrichPaperFile`; with
 * `force`, the fields the record gives replace the file's; the body never
 * changes); new files never replace a file of the same name (`-2`, `-3`, …
 * instead); each file is written to a temporary name and renamed, so a run
 * that fails midway leaves no half-written paper.
 */
export async function writePapers(papers: readonly ImportedPaper[], options: WriteOptions): Promise<ImportSummary> {
  const show = (path: string) => relative(options.root, path);
  const removedTemporary = options.dryRun
    ? []
    : (await removeStaleTemporaryFiles(options.dir)).map((file) => show(join(options.dir, file)));
  const summary: ImportSummary = { created: [], unchanged: [], enriched: [], exists: [], removedTemporary };
  const { byKey, names } = await indexExisting(options.dir);
  if (!options.dryRun) await mkdir(options.dir, { recursive: true });
  for (const [index, paper] of papers.entries()) {
    const match = findExisting(paper, byKey);
    if (match) {
      const { content, changes } = enrichPaperFile(match.content, paper, options.force ?? false);
      const matched = { file: show(match.path), ...changes };
      if (changes.added.length > 0 || changes.updated.length > 0) {
        if (!options.dryRun) await writeAtomically(options.dir, match.path, content, false);
        match.content = content;
        match.arxiv ??= paper.arxiv;
        for (const key of identityKeys(paper)) if (!byKey.has(key)) byKey.set(key, match);
        summary.enriched.push(matched);
      } else if (changes.kept.length > 0) {
        summary.exists.push(matched);
      } else {
        summary.unchanged.push(matched.file);
      }
    } else {
      const content = paperFileContent(paper);
      const slug = uniqueSlug(titleSlug(paper.title), (name) => names.has(name));
      const path = join(options.dir, `${slug}.md`);
      if (!options.dryRun) await writeAtomically(options.dir, path, content, true);
      names.add(slug);
      const created = { path, content, arxiv: paper.arxiv };
      for (const key of identityKeys(paper)) if (!byKey.has(key)) byKey.set(key, created);
      summary.created.push(show(path));
    }
    options.onProgress?.(index + 1, papers.length);
  }
  if (!options.dryRun) await removeTemporaryFolderIfEmpty(options.dir);
  return summary;
}

/**
 * The paper a record is, if the archive has it: by arXiv id, then DOI, then
 * normalised title. A DOI or title match is not the same paper when both name
 * different arXiv ids: two papers may share a title.
 */
function findExisting(paper: ImportedPaper, byKey: ReadonlyMap<string, ExistingPaper>): ExistingPaper | undefined {
  const keys = identityKeys(paper);
  const strongestFirst = ['arxiv:', 'doi:', 'title:'].flatMap((kind) => keys.filter((key) => key.startsWith(kind)));
  return strongestFirst
    .map((key) => byKey.get(key))
    .find((found) => found !== undefined && (!found.arxiv || !paper.arxiv || arxivBaseId(found.arxiv) === arxivBaseId(paper.arxiv)));
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
    const paper = { path, content, arxiv: stringOrUndefined(data['arxiv']) };
    const keys = identityKeys({ title: data['title'], arxiv: paper.arxiv, doi: stringOrUndefined(data['doi']) });
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
