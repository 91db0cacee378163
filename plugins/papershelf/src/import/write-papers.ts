import { link, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import type { ImportedPaper } from './imported-paper.ts';
import { enrichPaperFile, type FieldChanges } from './enrich-paper-file.ts';
import { identityKeys } from './paper-identity.ts';
import { titleSlug, uniqueSlug } from './title-slug.ts';
import { reservedSlugs } from '../content/validate-paper.ts';
import {
  findExisting,
  identityOf,
  readExistingPapers,
  type ExistingPaper,
  type ExistingPapers,
  rememberPaper,
  unreadableMatch,
  unreadableMessage,
} from './existing-papers.ts';
import { validateRecord } from './validate-record.ts';
import { removeStaleTemporaryFiles, removeTemporaryFolderIfEmpty, temporaryPath } from './temporary-files.ts';

/** A paper already in the archive that a record matched, and what the record changed in its file. */
export interface MatchedFile extends FieldChanges {
  file: string;
}

/** What happened to each record of an import: every record is in exactly one of the first six lists. */
export interface ImportSummary {
  /** New files written. */
  created: string[];
  /** Records whose file already says all of this. */
  unchanged: string[];
  /** Files of papers already in the archive that gained fields they lacked (or, with `force`, took the record's values). */
  enriched: MatchedFile[];
  /** Records matching a paper whose file says otherwise (e.g. edited by hand) and lacks nothing: left as written. */
  exists: MatchedFile[];
  /**
   * Records of a paper an earlier record of this same import already wrote or matched (a page that lists a paper
   * twice, a .bib with an entry twice), as `source: what`: the first one is imported, a repeat only adds fields
   * the file still lacks.
   */
  repeated: string[];
  /** Records written nowhere, as `source: why`: they would fail `check`, or may be the paper of a file that cannot be read. */
  notWritten: string[];
  /** Other problems, as `place: message`: values left out of a record that was written, files of the folder that cannot be matched against. */
  problems: string[];
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

/**
 * Writes imported papers into the papers folder without ever losing one:
 * each record is first checked as the file it becomes (`validateRecord`);
 * a record matching an existing paper (`findExisting`: arXiv id, DOI or
 * title) adds the fields its file lacks and changes nothing else
 * (`enrichPaperFile`; with `force`, the fields the record gives replace the
 * file's); new files never replace a file of the same name nor take an
 * archive page's address (`-2`, `-3`, … instead), and are not written when
 * a file that cannot be read may be the same paper; each file is written to
 * a temporary name and renamed, so a run that fails midway leaves no
 * half-written paper.
 */
export async function writePapers(papers: readonly ImportedPaper[], options: WriteOptions): Promise<ImportSummary> {
  const show = (path: string) => relative(options.root, path);
  const removedTemporary = options.dryRun
    ? []
    : (await removeStaleTemporaryFiles(options.dir)).map((file) => show(join(options.dir, file)));
  const existing = await readExistingPapers(options.dir);
  const summary: ImportSummary = {
    created: [],
    unchanged: [],
    enriched: [],
    exists: [],
    repeated: [],
    notWritten: [],
    problems: existing.unreadable.map((file) => unreadableMessage(file, options.root)),
    removedTemporary,
  };
  if (!options.dryRun) await mkdir(options.dir, { recursive: true });
  // The source of the first record of this import that wrote or matched each file, by the file's path.
  const firstRecord = new Map<string, string>();
  // Records that name an arXiv id or a DOI go first: a record matched by its title alone, ahead of them in the
  // source, took the file of the paper they name and gave it its own authors, and the real record was then written
  // again beside it as another work.
  const byIdFirst = [...papers.filter(namesAnId), ...papers.filter((paper) => !namesAnId(paper))];
  for (const [index, record] of byIdFirst.entries()) {
    await writeRecord(record, existing, summary, { ...options, firstRecord });
    options.onProgress?.(index + 1, papers.length);
  }
  if (!options.dryRun) await removeTemporaryFolderIfEmpty(options.dir);
  return summary;
}

function namesAnId(paper: ImportedPaper): boolean {
  return Boolean(paper.arxiv || paper.doi);
}

/** One record: checked, then matched and enriched, or written as a new file; what happened goes into `summary`. */
async function writeRecord(
  record: ImportedPaper,
  existing: ExistingPapers,
  summary: ImportSummary,
  options: WriteOptions & { firstRecord: Map<string, string> },
): Promise<void> {
  const show = (path: string) => relative(options.root, path);
  const slug = titleSlug(record.title);
  const checked = validateRecord(record, show(join(options.dir, `${slug}.md`)));
  if (!checked.ok) {
    summary.notWritten.push(`${record.source}: ${checked.message}`);
    return;
  }
  const { paper } = checked;
  summary.problems.push(...checked.leftOut.map((message) => `${paper.source}: ${message}`));
  const match = findExisting(paper, existing);
  if (match) {
    const first = options.firstRecord.get(match.path);
    if (first !== undefined) {
      // The record that came first decides; a repeat fills only what the file still lacks, never replaces it.
      const filled = enrichPaperFile(match.content, paper, false);
      if (filled.changes.added.length > 0) await updateMatch(match, filled.content, paper, existing, options);
      const added = filled.changes.added.length > 0 ? `; added ${filled.changes.added.join(', ')}` : '';
      summary.repeated.push(
        `${paper.source}: the same paper as ${sameFileAs(first, paper.source)} (${show(match.path)}), imported once${added}`,
      );
      return;
    }
    options.firstRecord.set(match.path, paper.source);
    const { content, changes } = enrichPaperFile(match.content, paper, options.force ?? false);
    const matched = { file: show(match.path), ...changes };
    if (changes.added.length > 0 || changes.updated.length > 0) {
      await updateMatch(match, content, paper, existing, options);
      summary.enriched.push(matched);
    } else if (changes.kept.length > 0) {
      summary.exists.push(matched);
    } else {
      summary.unchanged.push(matched.file);
    }
    return;
  }
  const unreadable = unreadableMatch(paper, slug, existing);
  if (unreadable) {
    summary.notWritten.push(
      `${paper.source}: "${paper.title}" not written: it may be the paper of ${show(unreadable.path)}, which cannot be read; fix that file and import again`,
    );
    return;
  }
  // A name no file has, and not one reserved for the archive's pages (`by-title.md` would be `/papers/by-title/`).
  const id = uniqueSlug(slug, (name) => existing.ids.has(name) || reservedSlugs.includes(name));
  const path = join(options.dir, `${id}.md`);
  const { content } = checked;
  if (!options.dryRun) await writeAtomically(options.dir, path, content, true);
  existing.ids.add(id);
  rememberPaper(existing, { path, content, identity: paper }, identityKeys(paper));
  options.firstRecord.set(path, paper.source);
  summary.created.push(show(path));
}

/** Writes a matched paper's file with its new content, and remembers what it now says for the records after. */
async function updateMatch(
  match: ExistingPaper,
  content: string,
  paper: ImportedPaper,
  existing: ExistingPapers,
  options: WriteOptions,
): Promise<void> {
  if (!options.dryRun) await writeAtomically(options.dir, match.path, content, false);
  match.content = content;
  const read = identityOf(content);
  if ('identity' in read) match.identity = read.identity;
  rememberPaper(existing, match, identityKeys(paper));
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

/** Where an earlier record is, said from a later one: `line 5` in the same file, else its whole `file:line`. */
function sameFileAs(earlier: string, later: string): string {
  const place = /^(.*):(\d+)$/;
  const [, earlierFile, line] = place.exec(earlier) ?? [];
  return earlierFile !== undefined && earlierFile === place.exec(later)?.[1] ? `line ${line}` : earlier;
}
