import { routeHref, type LinkSettings } from '../links/site-links.ts';

/**
 * Where the paper route writes its pages inside `dist/`, as a relative folder
 * ending in `/` (`papers/`, or under the route prefix): what the build's
 * later steps read of the output (the math report, the search index).
 */
export function paperPagesFolder(links: LinkSettings | undefined): string {
  const paperPath = links ? routeHref({ ...links, base: '/' }, 'paper', { slug: 'x' }) : '/papers/x';
  return paperPath.replace(/^\//, '').replace(/x\/?$/, '');
}
