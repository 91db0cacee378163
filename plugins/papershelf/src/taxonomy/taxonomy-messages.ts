import { countOf } from '../text/count-of.ts';
import type { FreeTagClash, Taxonomy, TaxonomyReport, UnknownTag } from './build-taxonomy.ts';

/** How many names a report line lists before "and N more". */
const shown = 6;

/** `file: tag "x" is not in the vocabulary; did you mean …` for one unknown tag. */
export function unknownTagMessage(unknown: Pick<UnknownTag, 'tag' | 'suggestions'>, vocabularyFile: string): string {
  const hint = unknown.suggestions.length > 0 ? `did you mean ${orList(unknown.suggestions)}?` : `add it to ${vocabularyFile}`;
  return `tag \`${unknown.tag}\` is not in ${vocabularyFile}; ${hint}`;
}

/** The problems that stop a build, one line each, or none. */
export function taxonomyProblems(taxonomy: Pick<Taxonomy, 'unknown' | 'clashes'>, vocabularyFile: string): string[] {
  return [
    ...taxonomy.unknown.map((u) => `${u.file}: ${unknownTagMessage(u, vocabularyFile)}`),
    ...taxonomy.clashes.map((c) => clashMessage(c)),
  ];
}

/** What to do about the problems `taxonomyProblems` lists. */
export const taxonomyProblemsHint =
  'Use a tag id or alias of the vocabulary, add the tag there, or set `freeTags: true` to accept any tag.';

function clashMessage(clash: FreeTagClash): string {
  if (clash.slug === undefined)
    return `${clash.files[1]}: tag \`${clash.tags[1]}\` has no letter or digit to make its URL from; write it with words`;
  return `${clash.files[1]}: tag \`${clash.tags[1]}\` would have the same URL \`tags/${clash.slug}/\` as tag \`${clash.tags[0]}\` (${clash.files[0]}); write one of them like the other`;
}

/** The build's taxonomy report: a count line and a line per kind of thing worth a look. */
export function formatTaxonomyReport(taxonomy: Pick<Taxonomy, 'tags' | 'papersOf'>, report: TaxonomyReport): string[] {
  const used = taxonomy.tags.filter((t) => (taxonomy.papersOf.get(t.id)?.length ?? 0) > 0).length;
  const free = taxonomy.tags.filter((t) => t.free).length;
  const lines = [`tags: ${taxonomy.tags.length} tags${free ? ` (${free} free)` : ''}, ${used} in use`];
  const add = (count: number, what: string, names: readonly string[]) => {
    if (count > 0) lines.push(`tags: ${what}: ${names.slice(0, shown).join(', ')}${count > shown ? ` and ${count - shown} more` : ''}`);
  };
  add(report.emptyTags.length, `${report.emptyTags.length} with no papers`, report.emptyTags);
  add(report.singleTags.length, `${report.singleTags.length} with one paper`, report.singleTags);
  add(
    report.unusedAliases.length,
    `${report.unusedAliases.length} ${report.unusedAliases.length === 1 ? 'alias' : 'aliases'} never used`,
    report.unusedAliases.map((a) => `${a.alias} (${a.id})`),
  );
  add(report.ruleOnlyPapers.length, `${countOf(report.ruleOnlyPapers.length, 'paper')} tagged only by rules`, report.ruleOnlyPapers);
  add(report.untaggedPapers.length, `${countOf(report.untaggedPapers.length, 'paper')} with no tag`, report.untaggedPapers);
  return lines;
}

function orList(items: readonly string[]): string {
  const quoted = items.map((i) => `\`${i}\``);
  const last = quoted.pop();
  return quoted.length ? `${quoted.join(', ')} or ${last}` : (last ?? '');
}
