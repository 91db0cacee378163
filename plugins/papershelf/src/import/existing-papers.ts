import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { linesBeforeBody, readFrontmatter } from '../content/read-frontmatter.ts';
import { paperIdOf } from '../content/paper-id.ts';
import type { ImportedPaper } from './imported-paper.ts';
import { identityKeys, namesAnotherWork, type PaperIdentity } from './paper-identity.ts';

/** A paper file of the folder, as matching sees it. */
export interface ExistingPaper {
  path: string;
  content: string;
  identity: PaperIdentity;
}

/**
 * A file the loader reads as a paper but matching cannot (bad YAML, no
 * title, not a file): a record that may be its paper must not be written
 * as a new one beside it.
 */
export interface UnreadablePaper {
  path: string;
  /** Its address, from the file name (see paper-id.ts). */
  id: string;
  line?: number | undefined;
  /** Why it cannot be matched against, as "its frontmatter is not valid YAML: …". */
  reason: string;
  /** The identity keys its `title:`, `arxiv:` and `doi:` lines would give, read line by line. */
  guessedKeys: string[];
}

/** The papers of a folder by identity key, the addresses taken, and the files that cannot be matched against. */
export interface ExistingPapers {
  byKey: Map<string, ExistingPaper[]>;
  ids: Set<string>;
  unreadable: UnreadablePaper[];
}

/**
 * Reads every file of the folder the content loader reads as a paper
 * (`**\/[^_]*.{md,mdx}`; no file or folder starting with `_` or `.`, which
 * are notes, drafts and the import's own temporary folder), so a record is
 * matched only against papers of the archive.
 */
export async function readExistingPapers(dir: string): Promise<ExistingPapers> {
  const existing: ExistingPapers = { byKey: new Map(), ids: new Set(), unreadable: [] };
  // A folder that does not exist yet is an empty archive; any other failure to read it must stop the import.
  const files = await readdir(dir, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw new Error(`cannot read the papers folder \`${dir}\` (${error.code ?? error.message}); check its permissions`);
  });
  for (const file of files.sort()) {
    if (!/\.mdx?$/.test(file)) continue;
    const id = paperIdOf(file);
    existing.ids.add(id);
    if (file.split(/[\\/]/).some((part) => part.startsWith('_') || part.startsWith('.'))) continue;
    const path = join(dir, file);
    const content = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => error);
    if (content instanceof Error) {
      existing.unreadable.push({ path, id, reason: readErrorReason(content), guessedKeys: [] });
      continue;
    }
    const read = identityOf(content);
    if ('reason' in read) existing.unreadable.push({ path, id, line: read.line, reason: read.reason, guessedKeys: guessedKeys(content) });
    else rememberPaper(existing, { path, content, identity: read.identity }, identityKeys(read.identity));
  }
  return existing;
}

/** What a paper file says it is, or why it cannot be matched against. */
export function identityOf(content: string): { identity: PaperIdentity } | { reason: string; line?: number | undefined } {
  const frontmatter = readFrontmatter(content);
  if (!frontmatter) return { reason: 'it has no frontmatter, or its frontmatter is never closed with `---`', line: 1 };
  if (frontmatter.error) return { reason: `its frontmatter is not valid YAML: ${frontmatter.error.message}`, line: frontmatter.error.line };
  const { title, arxiv, doi, authors } = frontmatter.data;
  if (typeof title !== 'string' || title.trim() === '')
    return { reason: 'it has no `title` as text', line: frontmatter.lineOf('title') ?? 1 };
  const names = Array.isArray(authors) ? authors.filter((name): name is string => typeof name === 'string' && name.trim() !== '') : [];
  const body = content.split('\n').slice(linesBeforeBody(content)).join('\n');
  return {
    identity: {
      title,
      arxiv: typeof arxiv === 'string' ? arxiv : undefined,
      doi: typeof doi === 'string' ? doi : undefined,
      ...(names.length > 0 && { authors: names }),
      ...(body.trim() && { abstract: body }),
    },
  };
}

/** Makes a paper findable by each of `keys` (a file may gain keys as records enrich it). */
export function rememberPaper(existing: ExistingPapers, paper: ExistingPaper, keys: readonly string[]): void {
  for (const key of keys) {
    const list = existing.byKey.get(key) ?? [];
    if (!list.includes(paper)) list.push(paper);
    existing.byKey.set(key, list);
  }
}

/**
 * The paper a record is, if the archive has it: by arXiv id, then DOI, then
 * normalised title, skipping a match that names another work (see `namesAnotherWork`).
 */
export function findExisting(paper: ImportedPaper, existing: ExistingPapers): ExistingPaper | undefined {
  const keys = identityKeys(paper);
  for (const kind of ['arxiv:', 'doi:', 'title:']) {
    for (const key of keys.filter((k) => k.startsWith(kind))) {
      const found = existing.byKey.get(key)?.find((candidate) => !namesAnotherWork(key, candidate.identity, paper));
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * A file that cannot be read and may be this record's paper: its `title`,
 * `arxiv` or `doi` line says so, or its name is the one the record would
 * get (`slug`, or `slug-2`, … for a second paper of that title).
 */
export function unreadableMatch(paper: ImportedPaper, slug: string, existing: ExistingPapers): UnreadablePaper | undefined {
  const keys = identityKeys(paper);
  const sameName = new RegExp(`^${slug}(?:-\\d+)?$`);
  return existing.unreadable.find((file) => sameName.test(file.id) || file.guessedKeys.some((key) => keys.includes(key)));
}

/** A file that cannot be matched against, and how to fix it. */
export function unreadableMessage(file: UnreadablePaper, root: string): string {
  return `${relative(root, file.path)}${file.line ? `:${file.line}` : ''}: cannot be matched against (${file.reason}); fix it and import again`;
}

/** The keys of a file whose YAML does not parse, from its `title:`, `arxiv:` and `doi:` lines as written. */
function guessedKeys(content: string): string[] {
  const field = (name: string) => {
    const value = new RegExp(`^${name}[ \\t]*:[ \\t]*(.*)$`, 'm').exec(content)?.[1];
    const plain = value
      ?.replace(/\s+#.*$/, '')
      .trim()
      .replace(/^(["'])(.*)\1$/, '$2');
    return plain || undefined;
  };
  const title = field('title');
  const keys = identityKeys({ title: title ?? '', arxiv: field('arxiv'), doi: field('doi') });
  return title ? keys : keys.filter((key) => !key.startsWith('title:'));
}

function readErrorReason(error: NodeJS.ErrnoException): string {
  if (error.code === 'EISDIR') return 'it is a folder, not a paper file';
  if (error.code === 'ENOENT') return 'it is a link to a file that is not there';
  return `it cannot be read: ${error.code ?? error.message}`;
}
