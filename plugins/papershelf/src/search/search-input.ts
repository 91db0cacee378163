// Where a paper page, as Papershelf writes it (routes/paper.astro), keeps all that Pagefind reads of it.
const bodyStart = '<article class="paper" data-pagefind-body>';
const fieldsStart = '<div class="search-fields" hidden>';
const fieldsEnd = '</div>';

/** Whether Pagefind indexes a page at all: on a site where some page has `data-pagefind-body`, only those pages. */
export function isIndexedPage(html: string): boolean {
  return html.includes('data-pagefind-body');
}

/**
 * A paper page reduced to what Pagefind reads of it: the `<html>` tag (its
 * `lang`), the title, the indexed article and the hidden element of search
 * fields after it, which hold every `data-pagefind-*` attribute of the page
 * but the `data-pagefind-ignore`s outside them, which change nothing.
 * Pagefind writes the same index from these (a build test compares every
 * file) in two thirds of the time: 10.5 s against 17 s at 10,000 papers, the
 * head, navigation and related papers being half of each page.
 *
 * Undefined when the page is not laid out as Papershelf lays out a paper page
 * (another layout, an attribute elsewhere): Pagefind must then read it all.
 */
export function searchInputOf(html: string): string | undefined {
  const start = html.indexOf(bodyStart);
  if (start < 0) return undefined;
  const fields = html.indexOf(fieldsStart, start);
  if (fields < 0) return undefined;
  // The fields are spans of text: the first closing div is theirs.
  const end = html.indexOf(fieldsEnd, fields) + fieldsEnd.length;
  if (end < fieldsEnd.length) return undefined;
  const head = html.slice(0, start);
  if (/data-pagefind-(?!ignore\b)/.test(head) || /data-pagefind-(?!ignore\b)/.test(html.slice(end))) return undefined;
  const htmlTag = /<html\b[^>]*>/i.exec(head)?.[0];
  const title = /<title>[\s\S]*?<\/title>/.exec(head)?.[0] ?? '';
  if (!htmlTag) return undefined;
  return `<!DOCTYPE html>${htmlTag}<head><meta charset="utf-8">${title}</head><body>${html.slice(start, end)}</body></html>`;
}

/** The reduction's own version: copies made by another version of `searchInputOf` are never reused. */
export const searchInputCode = [bodyStart, fieldsStart, fieldsEnd, isIndexedPage.toString(), searchInputOf.toString()].join('\n');
