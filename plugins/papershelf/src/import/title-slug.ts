import { decodeTextEscapes, splitTex } from '../markdown/tex-segments.ts';

/** TeX commands that style a formula or set an accent: not words of an address (`\mathcal{O}` is `o`, `\vec{v}` is `v`). */
const styleCommands =
  /\\(?:math[a-z]+|text[a-z]*|emph|operatorname\*?|boldsymbol|bm|mbox|displaystyle|textstyle|left|right|[bB]ig+[lr]?|vec|hat|widehat|bar|overline|tilde|widetilde|dot|ddot)(?![a-zA-Z])/g;

/** A title's words as an address reads them: its TeX without styling (`\emph`, `\mathcal`), the rest as written. */
function slugText(title: string): string {
  return splitTex(title)
    .map((segment) => (segment.type === 'math' ? segment.value : decodeTextEscapes(segment.value)).replace(styleCommands, ' '))
    .join('');
}

/**
 * A file name for a paper from its title: lowercase ASCII words joined by
 * `-`, cut at a word boundary near `limit` characters. Accents are folded
 * (`Łukasz` → `lukasz`), formulas lose their styling commands (`$\mathcal{O}(n)$`
 * → `o-n`) and keep the names of their symbols (`$\alpha$` → `alpha`); a title
 * with no ASCII letters gets `paper`.
 */
export function titleSlug(title: string, limit = 60): string {
  const words = slugText(title)
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
