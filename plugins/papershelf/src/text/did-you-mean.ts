/**
 * The known words nearest to a mistyped one, for "did you mean" hints:
 * at most `limit` words within a third of the word's length in edits (at
 * least two, or one for a word of three letters or fewer).
 */
export function closestMatches(word: string, known: Iterable<string>, limit = 3): string[] {
  const needle = word.toLowerCase();
  // A word of three letters or fewer may be one edit off: `foo` is not a misspelling of `doi`.
  const budget = needle.length <= 3 ? 1 : Math.max(2, Math.ceil(needle.length / 3));
  return [...known]
    .map((candidate) => ({ candidate, distance: editDistance(needle, candidate.toLowerCase()) }))
    .filter(({ candidate, distance }) => distance <= budget || candidate.toLowerCase().includes(needle))
    .sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate))
    .slice(0, limit)
    .map(({ candidate }) => candidate);
}

/** A "did you mean `a` or `b`?" sentence, or an empty string. */
export function didYouMean(word: string, known: Iterable<string>): string {
  const matches = closestMatches(word, known).map((m) => `\`${m}\``);
  if (matches.length === 0) return '';
  const last = matches.pop();
  return `did you mean ${matches.length ? `${matches.join(', ')} or ${last}` : last}?`;
}

/** Levenshtein distance, one row at a time. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}
