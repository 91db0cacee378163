/** Month abbreviations as BibTeX's month macros write them, January first (`jan` … `dec`). */
export const monthAbbreviations = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;

/** The month (1–12) a name or abbreviation means, by its first three letters: `June` → 6; 0 for none. */
export function monthNumber(name: string): number {
  return (monthAbbreviations as readonly string[]).indexOf(name.slice(0, 3).toLowerCase()) + 1;
}
