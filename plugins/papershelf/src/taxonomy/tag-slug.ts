/** Symbols that carry meaning in tag names, spelt out so `C++`, `C#` and `C` get distinct URLs. */
const spelledSymbols: Record<string, string> = { '+': 'plus', '#': 'sharp', '&': 'and', '@': 'at', '%': 'percent' };

/** Longest slug, in characters: file names stay well under any file system's limit. */
const maxLength = 80;

/**
 * The URL segment of a tag id: lower case, letters and digits of every script
 * kept (`注意力`, `ünïcode`), meaningful symbols spelt out (`c-plus-plus`,
 * `c-sharp`), every other run of characters one hyphen. The result is safe
 * as a folder name on any static host; links encode it once with
 * `encodeURIComponent`. Undefined when the id has no letter or digit.
 */
export function tagSlug(id: string): string | undefined {
  const spelled = id
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[+#&@%]/g, (symbol) => ` ${spelledSymbols[symbol]} `);
  const slug = [...spelled.replace(/[^\p{L}\p{M}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '')]
    .slice(0, maxLength)
    .join('')
    .replace(/-+$/, '')
    .normalize('NFC');
  return slug === '' ? undefined : slug;
}
