/**
 * The form in which two spellings of a tag are the same tag: Unicode NFKC,
 * full case folding (`ß` = `ss`, `Σ` = `σ`) and any run of spaces, hyphens
 * or underscores as one space. "Large-Language Models" = "large language models".
 */
export function foldTag(text: string): string {
  // Upper then lower case is a locale-independent full case fold (ß → SS → ss).
  return text
    .normalize('NFKC')
    .toUpperCase()
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[\s_\-\u2010-\u2015]+/gu, ' ')
    .trim();
}
