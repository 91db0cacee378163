import type { LinkSettings } from './site-links.ts';

/** The file of a page address inside `dist/` (`/archive/arxiv/2006.04768/` → `arxiv/2006.04768/index.html`), as Astro lays out pages. */
export function pageFile(path: string, links: Pick<LinkSettings, 'base' | 'format'>): string {
  const base = links.base.replace(/\/+$/, '');
  // Astro writes a page's parameters in composed Unicode (NFC), whatever form its slug came in.
  const inSite = decodeURI(path.startsWith(`${base}/`) ? path.slice(base.length) : path)
    .normalize('NFC')
    .replace(/^\/+|\/+$/g, '');
  return links.format === 'directory' ? `${inSite}/index.html` : `${inSite}.html`;
}

/**
 * The file in `dist/` of a page Astro renders for a request to `path`. Astro asks for a page written as a file
 * (`build.format: 'file'`, and `'preserve'` for a route that is no index) at an address ending in `.html`, and for
 * one written as a folder's `index.html` at its address.
 */
export function requestedPageFile(path: string, links: Pick<LinkSettings, 'base' | 'format'>): string {
  return path.endsWith('.html')
    ? pageFile(path.slice(0, -'.html'.length), { ...links, format: 'file' })
    : pageFile(path, { ...links, format: 'directory' });
}
