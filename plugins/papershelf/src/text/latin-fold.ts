/** Letters that Unicode does not decompose into a base letter and a mark, with their usual Latin spelling. */
const letters: Record<string, string> = {
  ł: 'l',
  Ł: 'L',
  ø: 'o',
  Ø: 'O',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ß: 'ss',
  đ: 'd',
  Đ: 'D',
  þ: 'th',
  Þ: 'TH',
  ı: 'i',
};

/**
 * Text without accents, in plain Latin letters where one exists:
 * `Łukasz Müller` → `Lukasz Muller`. Used wherever two spellings of a name
 * must meet (author pages) or a name must become ASCII (citation keys).
 */
export function foldLatin(text: string): string {
  return text
    .replace(/[łŁøØæÆœŒßđĐþÞı]/g, (c) => letters[c]!)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '');
}
