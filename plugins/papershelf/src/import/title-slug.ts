import { texToPlainText } from '../markdown/tex-segments.ts';

/**
 * A file name for a paper from its title: lowercase ASCII words joined by
 * `-`, cut at a word boundary near `limit` characters. Accents are folded
 * (`Łukasz` → `lukasz`); a title with no ASCII letters gets `paper`.
 */
export function titleSlug(title: string, limit = 60): string {
  const words = texToPlainText(title)
    .replace(/[łŁ]/g, 'l')
    .replace(/[øØ]/g, 'o')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > limit && slug) break;
    slug = next.slice(0, limit + 10);
  }
  return slug || 'paper';
}

/** The slug, or the slug with `-2`, `-3`, … when the name is taken. */
export function uniqueSlug(slug: string, taken: (candidate: string) => boolean): string {
  if (!taken(slug)) return slug;
  for (let n = 2; ; n++) {
    const candidate = `${slug}-${n}`;
    if (!taken(candidate)) return candidate;
  }
}
