import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { decode, encode } from 'cborg';

/**
 * The form of Pagefind's index this step rewrites: bumped whenever the
 * rewrite changes, so that a build never reuses an index the last version
 * wrote (see search-index-cache.ts).
 */
export const compactIndexForm = 1;

/** Every file Pagefind compresses starts, once inflated, with this signature. */
const signature = Buffer.from('pagefind_dcd');

/** What the step did to one language's index. */
export interface CompactedLanguage {
  language: string;
  /** The page list's bytes on disk, before and after. */
  before: number;
  after: number;
}

/**
 * Gives the pages of a bundled Pagefind index short names.
 *
 * Pagefind names each page by seven characters of a hash of its content
 * (`en_658a51e`), and the page list every search loads first
 * (`pagefind.<lang>_<hash>.pf_meta`) holds one such name a page, beside its
 * word count and its bundle: random characters gzip cannot shrink, 86 KB of
 * the list's 114 KB at 10,000 papers. When fragments are bundled
 * (`maxFragments`), a page's name is only a key: of its entry in that list and
 * of its record in its bundle. The list and the bundles are named by their
 * own content, so both can be cached for good; the pages inside them need
 * names that are unique, not content hashes. They are renamed here to their
 * place in the list (`en_3fa2c1b0`, `en_3fa2c1b1`, …), which gzip stores in
 * about a byte: at 10,000 papers the list shrinks by a third, 37 KB of
 * every first search.
 *
 * The numbers start from six characters of a hash of the whole list, so that
 * the pages of two builds searched together (`search.mergeIndexes`) do not
 * share names (but once in 16 million pairs of builds): the search page tells
 * results apart by their names.
 *
 * Each bundle is written again with its pages' new names, under a name made
 * from its new content (a bundle cached under its old name is never taken for
 * it); the list likewise, and `pagefind-entry.json` is pointed at it.
 *
 * An index without bundles (a fragment file a page, whose names are those of
 * its files and must stay hashes of their content), or of a form this step
 * does not know (another Pagefind version), is left as Pagefind wrote it.
 */
export async function compactPageNames(outputPath: string): Promise<CompactedLanguage[]> {
  const entryFile = join(outputPath, 'pagefind-entry.json');
  const entry = JSON.parse(await readFile(entryFile, 'utf8')) as { languages?: Record<string, { hash?: string }> };
  const done: CompactedLanguage[] = [];
  for (const [language, index] of Object.entries(entry.languages ?? {})) {
    if (typeof index.hash !== 'string') continue;
    const compacted = await compactLanguage(outputPath, index.hash);
    if (!compacted) continue;
    index.hash = compacted.hash;
    done.push({ language, before: compacted.before, after: compacted.after });
  }
  if (done.length > 0) await writeFile(entryFile, JSON.stringify(entry));
  return done;
}

/** One page's entry in the page list: its name, its word count, and the name of its bundle (empty when unbundled). */
type PageEntry = [name: string, words: number, bundle: string];

async function compactLanguage(outputPath: string, metaName: string): Promise<{ hash: string; before: number; after: number } | undefined> {
  const metaFile = join(outputPath, `pagefind.${metaName}.pf_meta`);
  const compressed = await readFile(metaFile);
  const meta = unpack(compressed);
  const list = meta && decoded(meta);
  if (!meta || !Array.isArray(list) || !Array.isArray(list[1])) return undefined;
  const pages = list[1] as unknown[];
  if (pages.length === 0 || !pages.every(isBundledPage)) return undefined;

  const tag = createHash('sha256').update(meta).digest('hex').slice(0, 6);
  const renamed = new Map(pages.map(([name], i) => [name, `${prefixOf(name)}${tag}${i.toString(16)}`]));

  // Every bundle is read and renamed before anything is written, so an index this step cannot follow is left whole.
  // Thousands of small files, read and written synchronously: each far quicker than a promise's trip through the thread pool.
  const bundles = new Map<string, Buffer>();
  for (const name of new Set(pages.map(([, , bundle]) => bundle))) {
    const records = renamedRecords(readFileSync(bundleFile(outputPath, name)), renamed);
    if (!records) return undefined;
    bundles.set(name, records);
  }
  const newBundleNames = namesByContent(bundles, 7);
  for (const name of bundles.keys()) rmSync(bundleFile(outputPath, name));
  for (const [name, records] of bundles) writeFileSync(bundleFile(outputPath, newBundleNames.get(name)!), pack(records));

  list[1] = pages.map(([name, words, bundle]) => [renamed.get(name), words, newBundleNames.get(bundle)]);
  const newMeta = Buffer.from(encode(list));
  const hash = `${prefixOf(metaName)}${createHash('sha256').update(newMeta).digest('hex').slice(0, 10)}`;
  const written = pack(newMeta);
  await rm(metaFile);
  await writeFile(join(outputPath, `pagefind.${hash}.pf_meta`), written);
  return { hash, before: compressed.length, after: written.length };
}

function bundleFile(outputPath: string, name: string): string {
  return join(outputPath, 'fragment', `${name}.pf_fragment`);
}

/** The page list, decoded; none when it is not CBOR. */
function decoded(meta: Buffer): unknown {
  try {
    return decode(meta);
  } catch {
    return undefined;
  }
}

/** A bundle's records (JSON, keyed by page name) under their pages' new names; none when it is not a bundle of the list's pages. */
function renamedRecords(file: Buffer, renamed: ReadonlyMap<string, string>): Buffer | undefined {
  const content = unpack(file);
  let records: Record<string, unknown>;
  try {
    records = JSON.parse(content?.toString('utf8') ?? '') as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const entries = Object.entries(records);
  if (entries.some(([page]) => !renamed.has(page))) return undefined;
  return Buffer.from(JSON.stringify(Object.fromEntries(entries.map(([page, record]) => [renamed.get(page), record]))));
}

function isBundledPage(page: unknown): page is PageEntry {
  return (
    Array.isArray(page) &&
    page.length === 3 &&
    typeof page[0] === 'string' &&
    page[0].includes('_') &&
    typeof page[1] === 'number' &&
    typeof page[2] === 'string' &&
    page[2].includes('_')
  );
}

/** `en_658a51e` → `en_`, `en_group_32b4bef` → `en_group_`: the part of a name Pagefind gave that is kept. */
function prefixOf(name: string): string {
  return name.slice(0, name.lastIndexOf('_') + 1);
}

/**
 * New names for files by their content: the old name's prefix (`en_group_`)
 * and the first `length` characters of the content's hash, more where two
 * would share one.
 */
function namesByContent(files: ReadonlyMap<string, Buffer>, length: number): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set<string>();
  for (const [name, content] of files) {
    const hash = createHash('sha256').update(content).digest('hex');
    let size = length;
    while (taken.has(`${prefixOf(name)}${hash.slice(0, size)}`)) size++;
    const newName = `${prefixOf(name)}${hash.slice(0, size)}`;
    taken.add(newName);
    names.set(name, newName);
  }
  return names;
}

/** A Pagefind file's content: inflated, without its signature; none when it is not one. */
function unpack(file: Buffer): Buffer | undefined {
  let inflated: Buffer;
  try {
    inflated = file.subarray(0, signature.length).equals(signature) ? file : gunzipSync(file);
  } catch {
    return undefined;
  }
  return inflated.subarray(0, signature.length).equals(signature) ? inflated.subarray(signature.length) : undefined;
}

/** A Pagefind file from its content, compressed as Pagefind compresses it. */
function pack(content: Buffer): Buffer {
  return gzipSync(Buffer.concat([signature, content]));
}
