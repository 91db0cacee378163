/** A number with its noun, singular for one: `1 paper`, `3 authors` (nouns that take a plain `s`). */
export function countOf(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
