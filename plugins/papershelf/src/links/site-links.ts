import { prefixedPattern, routeTable, type RouteName } from './route-table.ts';

/** What decides the shape of every address on the site. */
export interface LinkSettings {
  /** The site's base path, `import.meta.env.BASE_URL` (`/`, `/archive/`, or `/archive` under `trailingSlash: 'never'`). */
  base: string;
  /** The integration's `routePrefix` ('' for none). */
  routePrefix: string;
  /** Astro's `trailingSlash`. */
  trailingSlash: 'always' | 'never' | 'ignore';
  /** Astro's `build.format`. */
  format: 'directory' | 'file' | 'preserve';
}

/** Values for a route's `[param]` and `[...rest]` parts; an empty rest (page 1) is left out. */
export type RouteParams = Record<string, string | number | undefined>;

/**
 * Builds a site path from a route of the table: the base path and route
 * prefix in front, parameters encoded once (a rest parameter segment by
 * segment), and a page address ending in `/` or not as `trailingSlash` and
 * `build.format` say. A file address (`.bib`, `.xml`, `.json`) never does.
 */
export function routeHref(settings: LinkSettings, name: RouteName, params: RouteParams = {}): string {
  return compileRoute(settings, name)(params);
}

/** A segment of a route pattern: text as it is, or a parameter (`rest`: `[...name]`, may be empty, may hold `/`). */
type Part = { text: string } | { param: string; rest: boolean };

/**
 * A route's href builder, with its pattern parsed once: a page has thousands
 * of links, so building one is only joining strings.
 */
function compileRoute(settings: LinkSettings, name: RouteName): (params: RouteParams) => string {
  const pattern = prefixedPattern(routeTable[name], settings.routePrefix);
  const segments: Part[][] = pattern
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) =>
      segment
        .split(/(\[(?:\.\.\.)?[^\]]+\])/)
        .filter((piece) => piece !== '')
        .map((piece): Part => {
          const match = /^\[(\.\.\.)?([^\]]+)\]$/.exec(piece);
          return match ? { param: match[2]!, rest: match[1] !== undefined } : { text: piece };
        }),
    );
  const isFile = /\.[a-z0-9]+$/i.test(pattern);
  const base = settings.base.replace(/\/+$/, '');
  const slash = !isFile && endsWithSlash(settings);
  return (params) => {
    const filled: string[] = [];
    for (const parts of segments) {
      let segment = '';
      for (const part of parts) {
        if ('text' in part) {
          segment += part.text;
          continue;
        }
        const value = params[part.param];
        if (value === undefined || value === '') continue;
        segment += part.rest ? String(value).split('/').map(encodeURIComponent).join('/') : encodeURIComponent(String(value));
      }
      if (segment !== '') filled.push(segment);
    }
    if (filled.length === 0) return !slash && base ? base : `${base}/`;
    return `${base}/${filled.join('/')}${slash ? '/' : ''}`;
  };
}

/** A path inside the site (`pagefind/pagefind.js`, `sitemap-index.xml`), with the base path in front. */
export function sitePath(settings: Pick<LinkSettings, 'base' | 'trailingSlash' | 'format'>, path: string, isPage = false): string {
  const base = settings.base.replace(/\/+$/, '');
  const clean = path.replace(/^\/+|\/+$/g, '');
  if (clean === '') return isPage && !endsWithSlash(settings) && base ? base : `${base}/`;
  return `${base}/${clean}${isPage && endsWithSlash(settings) ? '/' : ''}`;
}

/** Whether page addresses end in `/`: always, never, or (with `ignore`) as the built files are laid out. */
export function endsWithSlash(settings: Pick<LinkSettings, 'trailingSlash' | 'format'>): boolean {
  return settings.trailingSlash === 'always' || (settings.trailingSlash === 'ignore' && settings.format !== 'file');
}

/** Every address of the archive, by what it shows. */
export function siteLinks(settings: LinkSettings) {
  const compiled = new Map<RouteName, (params: RouteParams) => string>();
  const href = (name: RouteName, params: RouteParams = {}) => {
    let build = compiled.get(name);
    if (!build) compiled.set(name, (build = compileRoute(settings, name)));
    return build(params);
  };
  const page = (n: number) => (n > 1 ? n : undefined);
  return {
    settings,
    href,
    /** A file at the site's root path, such as `pagefind/pagefind.js`. */
    file: (path: string) => sitePath(settings, path),
    home: () => href('home'),
    paper: (slug: string) => href('paper', { slug }),
    paperBib: (slug: string) => href('paperBib', { slug }),
    paperJson: (slug: string) => href('paperJson', { slug }),
    /** The index of every paper, by title: `/papers/`, `/papers/by-title/2/`…. */
    papersIndex: (n = 1) => (n === 1 ? href('papers') : href('papersListing', { page: String(n) })),
    papersBib: () => href('papersBib'),
    papersJson: () => href('papersJson'),
    papersSchema: () => href('papersSchema'),
    /** A month's papers as data (`/month/2025-08/papers.json`), listed by `papersJson`. */
    monthJson: (month: string) => href('monthJson', { month }),
    dates: () => href('dates'),
    /** A day's papers, in the day's own order (`/date/2025-08-27/`, `…/2/`) or most upvoted first (`…/upvotes/`, `…/upvotes/2/`). */
    day: (day: string, n = 1, order: 'rank' | 'upvotes' = 'rank') =>
      href('day', { day, page: order === 'upvotes' ? (n > 1 ? `upvotes/${n}` : 'upvotes') : page(n) }),
    week: (week: string, n = 1) => href('week', { week, page: page(n) }),
    month: (month: string) => href('month', { month }),
    authors: () => href('authors', { authors: 'authors' }),
    author: (slug: string, n = 1) => href('author', { slug, page: page(n) }),
    /** The authors whose surnames start with a letter (`a`–`z`, `other`; see `letterSlug`). */
    authorsLetter: (letter: string) => href('authorsLetter', { letter }),
    tags: () => href('tags'),
    tag: (slug: string, n = 1) => href('tag', { slug, page: page(n) }),
    tagBib: (slug: string) => href('tagBib', { slug }),
    tagRss: (slug: string) => href('tagRss', { slug }),
    rss: () => href('rss'),
    atom: () => href('atom'),
    subscribe: () => href('subscribe'),
    search: () => href('search'),
  };
}

/** The archive's addresses for one site (see `siteLinks`). */
export type SiteLinks = ReturnType<typeof siteLinks>;

/** An absolute URL for a site path, when the site has a `site` URL. */
export function absoluteUrl(path: string, site: URL | string | undefined): string | undefined {
  return site ? new URL(path, site).href : undefined;
}
