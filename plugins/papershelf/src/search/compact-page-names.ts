import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { decode, encode } from 'cborg';

/**
 * The form of Pagefind's index this step rewrites: bumped whenever the
 * rewrite changes, so that a build never reuses an index the last version
 * wrote (see search-index-cache.ts).
 */
export const compactIndexForm = 2;

/** Every file Pagefind compresses starts, once inflated, with this signature. */
const signature = Buffer.from('pagefind_dcd');

/**
 * Gives the pages of a bundled Pagefind index short names; returns the
 * languages whose index it renamed.
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
 * place in the list, in hexadecimal after a tag (`en_3fa2c1_0`,
 * `en_3fa2c1_1`, …), which gzip stores in about a byte: at 10,000 papers the
 * list shrinks by a third, 36 KB of every first search.
 *
 * The tag is six characters of a hash of the site's base path, so that the
 * pages of two builds searched together (`search.mergeIndexes`, each build
 * under its own base) do not share names: the search page tells results
 * apart by their names. It does not change from one build to the next, nor
 * does a page's place while its file keeps its name: a bundle whose papers
 * did not change keeps its name and its bytes, so a deploy uploads, and a
 * reader's browser fetches again, only the bundles that changed.
 *
 * Each bundle is written again with its pages' new names, under a name made
 * from its new content (a bundle cached under an old name is never taken for
 * it); the list likewise, and `pagefind-entry.json` is pointed at it. The new
 * files are written beside the old, the entry is replaced in one step, and
 * only then are the old files removed: a rewrite that fails midway leaves the
 * index as Pagefind wrote it.
 *
 * An index without bundles (a fragment file a page, whose names are those of
 * its files and must stay hashes of their content), or of a form this step
 * does not know (another Pagefind version), is left as Pagefind wrote it.
 *
 * It runs on the build's own thread (1.3 to 1.9 s at 10,000 papers),
 * reading and writing thousands of small files synchronously: each far
 * quicker than a promise's trip through the thread pool, which made it
 * twice as slow.
 */
export function compactPageNames(outputPath: string, base = '/'): string[] {
  const entryFile = join(outputPath, 'pagefind-entry.json');
  const entry = JSON.parse(readFileSync(entryFile, 'utf8')) as { languages?: Record<string, { hash?: unknown }> };
  // `/archive` and `/archive/` are one base (`trailingSlash: 'never'` writes it without the slash).
  const tag = createHash('sha256').update(base.replace(/\/+$/, '')).digest('hex').slice(0, 6);
  const rewrites: { language: string; rewrite: Rewrite }[] = [];
  try {
    for (const [language, index] of Object.entries(entry.languages ?? {})) {
      if (typeof index.hash !== 'string') continue;
      const rewrite = rewriteLanguage(outputPath, index.hash, tag);
      if (!rewrite) continue;
      rewrites.push({ language, rewrite });
      index.hash = rewrite.hash;
    }
    if (rewrites.length === 0) return [];
    writeFileSync(`${entryFile}.tmp`, JSON.stringify(entry));
    renameSync(`${entryFile}.tmp`, entryFile);
  } catch (error) {
    // The entry still names Pagefind's files: the ones written here go, and the index is Pagefind's.
    for (const { rewrite } of rewrites) for (const file of rewrite.written) rmSync(file, { force: true });
    rmSync(`${entryFile}.tmp`, { force: true });
    throw error;
  }
  for (const { rewrite } of rewrites) for (const file of rewrite.replaced) rmSync(file, { force: true });
  return rewrites.map(({ language }) => language);
}

/** One language's rewrite, written beside Pagefind's files: the new list's name, and the files written and replaced. */
interface Rewrite {
  hash: string;
  written: string[];
  replaced: string[];
}

/** One page's entry in the page list: its name, its word count, and the name of its bundle (empty when unbundled). */
type PageEntry = [name: string, words: number, bundle: string];

function rewriteLanguage(outputPath: string, metaName: string, tag: string): Rewrite | undefined {
  const metaFile = join(outputPath, `pagefind.${metaName}.pf_meta`);
  const meta = existsSync(metaFile) ? unpack(readFileSync(metaFile)) : undefined;
  const list = meta && decoded(meta);
  // Only a list that encodes back to its very bytes is rewritten: one with a form the encoder would change is not known here.
  if (!meta || !Array.isArray(list) || !Array.isArray(list[1]) || !Buffer.from(encode(list)).equals(meta)) return undefined;
  const pages = list[1] as unknown[];
  if (pages.length === 0 || !pages.every(isBundledPage)) return undefined;
  const renamed = new Map(pages.map(([name], i) => [name, `${prefixOf(name)}${tag}_${i.toString(16)}`]));
  if (renamed.size !== pages.length) return undefined;

  // Every bundle is read and renamed before anything is written, so an index this step cannot follow is left whole.
  const bundles = new Map<string, Buffer>();
  for (const name of new Set(pages.map(([, , bundle]) => bundle))) {
    const file = bundleFile(outputPath, name);
    const records = existsSync(file) ? renamedRecords(readFileSync(file), renamed) : undefined;
    if (!records) return undefined;
    bundles.set(name, records);
  }
  const newBundleNames = namesByContent(bundles, 7, (name) => existsSync(bundleFile(outputPath, name)));
  list[1] = pages.map(([name, words, bundle]) => [renamed.get(name), words, newBundleNames.get(bundle)]);
  const newMeta = Buffer.from(encode(list));
  const hash = `${prefixOf(metaName)}${createHash('sha256').update(newMeta).digest('hex').slice(0, 10)}`;

  const rewrite: Rewrite = { hash, written: [], replaced: [metaFile, ...[...bundles.keys()].map((name) => bundleFile(outputPath, name))] };
  try {
    for (const [name, records] of bundles) {
      const file = bundleFile(outputPath, newBundleNames.get(name)!);
      writeFileSync(file, pack(records));
      rewrite.written.push(file);
    }
    const newMetaFile = join(outputPath, `pagefind.${hash}.pf_meta`);
    writeFileSync(newMetaFile, pack(newMeta));
    rewrite.written.push(newMetaFile);
  } catch (error) {
    for (const file of rewrite.written) rmSync(file, { force: true });
    throw error;
  }
  return rewrite;
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
  let records: unknown;
  try {
    records = JSON.parse(content?.toString('utf8') ?? '');
  } catch {
    return undefined;
  }
  if (typeof records !== 'object' || records === null || Array.isArray(records)) return undefined;
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
 * and the first `length` characters of the content's hash, more where the
 * name is another new file's or one already there (`exists`), which is not
 * written over.
 */
function namesByContent(files: ReadonlyMap<string, Buffer>, length: number, exists: (name: string) => boolean): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set<string>();
  for (const [name, content] of files) {
    const hash = createHash('sha256').update(content).digest('hex');
    let size = length;
    const candidate = () => `${prefixOf(name)}${hash.slice(0, size)}`;
    while (taken.has(candidate()) || exists(candidate())) size++;
    taken.add(candidate());
    names.set(name, candidate());
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
