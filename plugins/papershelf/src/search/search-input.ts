// Where a paper page, as Papershelf writes it (routes/paper.astro), keeps what Pagefind indexes of it, and how the
// page's search fields, which the published page does without, are added to the copy Pagefind reads.
const bodyStart = '<article class="paper" data-pagefind-body>';

/** Whether Pagefind indexes a page at all: on a site where some page has `data-pagefind-body`, only those pages. */
export function isIndexedPage(html: string): boolean {
  return html.includes('data-pagefind-body');
}

/**
 * A paper page as Pagefind reads it: the `<html>` tag (its `lang`), the
 * title, the indexed article without the blocks it ignores and, after it,
 * the paper's search fields (`searchFieldsHtml`), which hold its metadata,
 * filters and sort key. Pagefind writes the same index from these as from
 * the whole page with the fields in it (a build test compares every file)
 * in less time: 10.5 s against 17 s at 10,000 papers when only the head,
 * navigation and related papers were left out (half of each page). With the
 * facts, links, tags, citation and KaTeX's markup out too, the copy is 3.2 KB
 * of an 11.7 KB page (the benchmark's papers).
 *
 * A page not laid out as Papershelf lays out a paper page (another layout, a
 * `data-pagefind-*` attribute outside the article) is kept whole, with the
 * fields added at the end of its body: Pagefind must then read it all.
 */
export function searchInputOf(html: string, fields = ''): string {
  return reducedPage(html, fields) ?? withFieldsAtEnd(html, fields);
}

/** The page reduced to its html tag, title, article and fields; undefined when it is not laid out as a paper page. */
export function reducedPage(html: string, fields = ''): string | undefined {
  const start = html.indexOf(bodyStart);
  if (start < 0) return undefined;
  const end = articleEnd(html, start);
  if (end === undefined) return undefined;
  const head = html.slice(0, start);
  if (/data-pagefind-(?!ignore\b)/.test(head) || /data-pagefind-(?!ignore\b)/.test(html.slice(end))) return undefined;
  const htmlTag = /<html\b[^>]*>/i.exec(head)?.[0];
  const title = /<title>[\s\S]*?<\/title>/.exec(head)?.[0] ?? '';
  if (!htmlTag) return undefined;
  return `<!DOCTYPE html>${htmlTag}<head><meta charset="utf-8">${title}</head><body>${withoutIgnoredBlocks(html.slice(start, end))}${fields}</body></html>`;
}

// Block elements whose end tag HTML never leaves out (a `p` may end where the next block starts).
const blockNames = new Set('dl nav div section h1 h2 h3 h4 h5 h6 ul ol pre aside header footer figure table'.split(' '));
// Elements that may end without an end tag, or have no content: never taken out, as where they end is not read here.
const unclosedNames = new Set(
  'p li dt dd rt rp optgroup option colgroup caption thead tbody tfoot tr td th html head body area base br col embed hr img input link meta source track wbr'.split(
    ' ',
  ),
);

// A tag with its attributes, each quoted value taken whole (so a `<div` inside one is no tag).
const tagPattern = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'=<>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const attributeName = /\s+([^\s"'=<>/]+)(\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g;
// What this reading of HTML does not follow: comments, CDATA, and elements whose content is text (a script's `</div>`).
const unreadable = /<!|<(script|style|textarea|title|xmp|iframe|noembed|noframes|noscript|plaintext)\b[^>]*>(?!<\/\1\s*>)/i;
// What Pagefind still reads inside a block ignored in its default mode: filters, metadata, sort keys, an image or heading.
const readInsideIgnored = /data-pagefind-(?!ignore\b)|<img\b|<h1\b/i;

/**
 * The article without the blocks it marks `data-pagefind-ignore` (a paper's
 * facts, links, tags and citation), which Pagefind skips, and without the
 * elements of any kind marked `data-pagefind-ignore="all"` (each formula's
 * KaTeX markup, of which Pagefind reads nothing): the copies are 40% smaller
 * at 10,000 papers without the blocks and 28% smaller again without the
 * formulas, and the same index is written from them (a build test compares
 * every file). Only elements whose end tag HTML requires are taken out, and
 * only those holding nothing Pagefind reads in an ignored block. An article
 * this reading of HTML cannot follow for sure (a comment, a script with
 * content, a tag it does not parse) is kept whole, as is a block never closed.
 */
function withoutIgnoredBlocks(article: string): string {
  if (unreadable.test(article)) return article;
  const tags = [...article.matchAll(tagPattern)];
  // Every `<` that starts a tag in HTML must be one this reading parsed.
  if (tags.length !== (article.match(/<\/?[a-zA-Z]/g)?.length ?? 0)) return article;
  let kept = '';
  let from = 0;
  // The ignored block being passed over: its name, where it starts, and how many of that name are open.
  let open: { name: string; start: number; depth: number } | undefined;
  for (const match of tags) {
    const [tag, closing, rawName, attributes] = match;
    const name = rawName!.toLowerCase();
    if (open) {
      if (name !== open.name) continue;
      open.depth += closing ? -1 : 1;
      if (open.depth > 0) continue;
      const end = match.index + tag.length;
      if (!readInsideIgnored.test(article.slice(open.start, end))) {
        kept += article.slice(from, open.start);
        from = end;
      }
      open = undefined;
    } else if (!closing && !tag.endsWith('/>') && isIgnored(name, attributes ?? '')) {
      open = { name, start: match.index, depth: 1 };
    }
  }
  return kept + article.slice(from);
}

/** Whether an element Pagefind skips is one to take out: a block marked `data-pagefind-ignore`, or any element with an end tag marked `="all"`. */
function isIgnored(name: string, attributes: string): boolean {
  const ignore = [...attributes.matchAll(attributeName)].find((found) => found[1]!.toLowerCase() === 'data-pagefind-ignore');
  if (!ignore) return false;
  if (blockNames.has(name)) return true;
  return !unclosedNames.has(name) && /^\s*=\s*["']?all["']?$/i.test(ignore[2] ?? '');
}

function withFieldsAtEnd(html: string, fields: string): string {
  if (!fields) return html;
  const bodyEnd = html.lastIndexOf('</body>');
  return bodyEnd < 0 ? `${html}${fields}` : `${html.slice(0, bodyEnd)}${fields}${html.slice(bodyEnd)}`;
}

/** Where the article opened at `start` closes (after its `</article>`), counting articles nested in it. */
function articleEnd(html: string, start: number): number | undefined {
  const tags = /<(\/?)article\b[^>]*>/gi;
  tags.lastIndex = start;
  let depth = 0;
  for (let match = tags.exec(html); match; match = tags.exec(html)) {
    depth += match[1] ? -1 : 1;
    if (depth === 0) return tags.lastIndex;
  }
  return undefined;
}

/** The reduction's own version: copies made by another version of `searchInputOf` are never reused. */
export const searchInputCode = [
  bodyStart,
  isIndexedPage,
  searchInputOf,
  reducedPage,
  [...blockNames].join(),
  tagPattern,
  attributeName,
  unreadable,
  readInsideIgnored,
  [...unclosedNames].join(),
  withoutIgnoredBlocks,
  isIgnored,
  withFieldsAtEnd,
  articleEnd,
].join('\n');
