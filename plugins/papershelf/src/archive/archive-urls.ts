import { siteUrl } from './site-url.ts';

// The addresses of the archive's pages, in one place; `base` is `import.meta.env.BASE_URL`.

const pageSuffix = (page: number) => (page > 1 ? `${page}/` : '');

export const paperHref = (base: string, slug: string) => siteUrl(base, `papers/${encodeURIComponent(slug)}/`);
export const dayHref = (base: string, date: string, page = 1) => siteUrl(base, `date/${date}/${pageSuffix(page)}`);
export const datesHref = (base: string) => siteUrl(base, 'date/');
export const weekHref = (base: string, week: string) => siteUrl(base, `week/${week}/`);
export const authorsHref = (base: string) => siteUrl(base, 'authors/');
export const authorHref = (base: string, slug: string, page = 1) => siteUrl(base, `authors/${encodeURIComponent(slug)}/${pageSuffix(page)}`);
export const monthHref = (base: string, month: string) => siteUrl(base, `month/${month}/`);

/** The index of every paper: newest first at `/papers/`, `/papers/newest/2/`…; by title at `/papers/by-title/`…. */
export function papersIndexHref(base: string, order: 'newest' | 'by-title', page = 1): string {
  if (order === 'newest') return siteUrl(base, page > 1 ? `papers/newest/${page}/` : 'papers/');
  return siteUrl(base, `papers/by-title/${pageSuffix(page)}`);
}
