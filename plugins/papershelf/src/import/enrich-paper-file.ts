import { isMap, isScalar, isSeq, parseDocument, type Document, type YAMLMap } from 'yaml';
import { linesBeforeBody, readFrontmatter } from '../content/read-frontmatter.ts';
import type { ImportedPaper } from './imported-paper.ts';
import { arxivBaseId } from '../content/arxiv-id.ts';
import { newPaperPlaceholder } from '../content/new-paper-placeholder.ts';
import { paperFileBody, paperFileData, paperFileFields, yamlWriteOptions } from './paper-file.ts';

/** What a record changes in the file of a paper already in the archive, field by field. */
export interface FieldChanges {
  /** Fields the file lacked (absent or empty), now written from the record; `abstract` when the body was empty or `new`'s placeholder. */
  added: string[];
  /** Fields whose value the record replaced: only with `force`. */
  updated: string[];
  /** Fields whose value differs from the record's and stays as written; `abstract` when the body differs (a body a person wrote is never changed). */
  kept: string[];
}

/**
 * Fields an import never changes in an existing file. `date` is the day the
 * paper joined this archive, a fact of the archive and not of the source.
 */
const archiveOwnFields = new Set<string>(['date']);

/** Fields that say where a paper stood on one day's list: they belong to a file only when the record is of the file's `date`. */
const dayOwnFields = new Set<string>(['rank']);

/**
 * Fields that belong to one arXiv version: its comment and its PDF. A file
 * that names a version (`2301.00001v3`) does not take them from a record of
 * another (`v4`); with `force` it takes that version, id and all.
 */
const versionOwnFields = new Set<string>(['comment', 'pdf']);

/**
 * The file of a paper already in the archive, enriched by a record of the
 * same paper: each field the file lacks is added where the import would
 * write it; with `force`, each field the record gives replaces the file's
 * (a field the record lacks is never removed). Other fields, comments and
 * their order are kept (the YAML is edited as a document, not as text).
 * The body (the abstract, notes) is returned byte for byte, unless it is
 * empty or `new`'s untouched placeholder: then it becomes the abstract.
 */
export function enrichPaperFile(source: string, paper: ImportedPaper, force: boolean): { content: string; changes: FieldChanges } {
  const parts = splitPaperFile(source);
  const current = readFrontmatter(source)?.data ?? {};
  const changes: FieldChanges = { added: [], updated: [], kept: [] };
  const values = paperFileData(paper);
  const otherVersion = !force && isOtherVersion(current['arxiv'], values['arxiv']);
  for (const [field, value] of Object.entries(values)) {
    if (archiveOwnFields.has(field)) continue;
    if (dayOwnFields.has(field) && current['date'] !== paper.date) continue;
    if (otherVersion && versionOwnFields.has(field)) {
      if (JSON.stringify(current[field]) !== JSON.stringify(value)) changes.kept.push(field);
    } else if (isEmpty(current[field])) changes.added.push(field);
    else if (JSON.stringify(current[field]) === JSON.stringify(value)) continue;
    // `published: 2017` as a person writes it in YAML is the import's "2017".
    else if (typeof current[field] === 'number' && String(current[field]) === value) continue;
    // `2404.15574v1` in the file and `2404.15574` from a list that names no version: the file's says more.
    else if (field === 'arxiv' && typeof current[field] === 'string' && arxivBaseId(current[field]) === value) continue;
    else if (force) changes.updated.push(field);
    else changes.kept.push(field);
  }
  const lineBreak = parts.opening.endsWith('\r\n') ? '\r\n' : '\n';
  let { closing, body } = parts;
  if (paper.abstract.trim() !== '' && body.trim() !== paperFileBody(paper).trim()) {
    // A file still holding `papershelf new`'s placeholder (or an empty body) takes the record's abstract: the "new,
    // then import" way of starting a paper.
    if (body.trim() !== '' && body.trim() !== newPaperPlaceholder) changes.kept.push('abstract');
    else {
      changes.added.push('abstract');
      // A file that ends at its closing fence needs a line break before the body.
      if (!closing.endsWith('\n')) closing += lineBreak;
      body = paperFileBody(paper).replace(/\n/g, lineBreak);
    }
  }
  const fieldsChange = changes.added.some((field) => field !== 'abstract') || changes.updated.length > 0;
  // Most records of a re-import change nothing; only a file whose fields change is parsed as a document.
  const document = fieldsChange ? parseDocument(withoutFieldHints(parts.yaml, changes.added), { schema: 'core' }) : undefined;
  if (document && isMap(document.contents)) {
    for (const field of changes.added) if (field !== 'abstract') insertInFileOrder(document, document.contents, field, values[field]);
    for (const field of changes.updated) replaceValue(document, document.contents, field, values[field]);
    const yaml = document.toString(yamlWriteOptions).replace(/\n/g, lineBreak);
    return { content: `${parts.opening}${yaml}${closing}${body}`, changes };
  }
  if (body === parts.body) return { content: source, changes };
  return { content: `${parts.opening}${parts.yaml}${closing}${body}`, changes };
}

/**
 * The YAML without the commented-out lines `papershelf new` writes for the
 * fields now added (`# authors: ["First Last", …]`), which would read as
 * still to do beside the values; the hints of fields still missing stay.
 */
function withoutFieldHints(yaml: string, added: readonly string[]): string {
  if (added.length === 0) return yaml;
  const hint = new RegExp(`^#[ \\t]*(?:${added.join('|')}):[^\\n]*\\r?\\n`, 'gm');
  return yaml.replace(hint, '');
}

/** A paper file cut into its fences, the YAML between them and the body, so the pieces join back to the same bytes. */
function splitPaperFile(source: string): { opening: string; yaml: string; closing: string; body: string } {
  const lines = source.split(/(?<=\n)/);
  let count = linesBeforeBody(source);
  // A file that ends right after its closing fence, with no line break, counts one line short.
  if (count > 0 && !/^---[ \t]*\r?\n?$/.test(lines[count - 1] ?? '')) count += 1;
  return {
    opening: lines[0] ?? '',
    yaml: lines.slice(1, count - 1).join(''),
    closing: lines[count - 1] ?? '',
    body: lines.slice(count).join(''),
  };
}

/** Whether the file and the record name two versions of one arXiv paper (`2301.00001v3`, `2301.00001v4`). */
function isOtherVersion(inFile: unknown, inRecord: unknown): boolean {
  if (typeof inFile !== 'string' || typeof inRecord !== 'string') return false;
  const version = /v\d+$/;
  return version.test(inFile) && version.test(inRecord) && inFile !== inRecord && arxivBaseId(inFile) === arxivBaseId(inRecord);
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** Where the import writes the field: before the first field that comes after it in file order, else at the end. */
function insertInFileOrder(document: Document, map: YAMLMap, field: string, value: unknown): void {
  const order = (key: string) => (paperFileFields as readonly string[]).indexOf(key);
  const existing = map.items.findIndex((pair) => isScalar(pair.key) && String(pair.key.value) === field);
  if (existing !== -1) {
    // An empty value (`authors: []`, `code:`) is filled in where it stands.
    replaceValue(document, map, field, value);
    return;
  }
  const before = map.items.findIndex((pair) => isScalar(pair.key) && order(String(pair.key.value)) > order(field));
  const pair = document.createPair(field, value);
  if (before === -1) map.items.push(pair);
  else map.items.splice(before, 0, pair);
}

/** A new value for a field, keeping the old value's trailing comment and, for a list, its `[a, b]` style. */
function replaceValue(document: Document, map: YAMLMap, field: string, value: unknown): void {
  const pair = map.items.find((item) => isScalar(item.key) && String(item.key.value) === field);
  if (!pair) return;
  const node = document.createNode(value);
  const old = pair.value;
  if ((isScalar(old) || isSeq(old)) && (isScalar(node) || isSeq(node)) && old.comment) node.comment = old.comment;
  if (isSeq(old) && isSeq(node) && old.flow) node.flow = true;
  pair.value = node;
}
