import { foldTag } from './fold-tag.ts';
import { tagSlug } from './tag-slug.ts';
import { ruleMatches } from './tag-rule.ts';
import type { Vocabulary } from './compile-vocabulary.ts';

/** What the taxonomy needs of one paper. */
export interface TaxonomyPaper {
  slug: string;
  /** The paper's file, for messages. */
  file: string;
  /** The tags its frontmatter lists, as written. */
  tags: readonly string[];
  /** Title and abstract as plain text: what `match` rules look in. */
  text: string;
}

/** A tag as pages show it. */
export interface Tag {
  id: string;
  /** URL segment: `tags/<slug>/`. Encode it once (`encodeURIComponent`) in links. */
  slug: string;
  label: string;
  description?: string | undefined;
  parent?: string | undefined;
  /** Ids of the narrower tags. */
  children: string[];
  /** Ids of the broader tags, root first. */
  ancestors: string[];
  aliases: string[];
  /** A free tag: written in a paper but not in the vocabulary; its label is generated. */
  free: boolean;
}

/** Why a paper has a tag: its file lists it, a rule matched its title or abstract, or a narrower tag implies it. */
export type TagSource = 'file' | 'rule' | 'parent';

/** One tag of one paper, with where it came from. */
export interface PaperTag {
  id: string;
  source: TagSource;
  /** For `rule`: the rule that matched, as written in the vocabulary. */
  rule?: string;
}

/** A tag that occurs with another one, and on how many papers. */
export interface CoTag {
  id: string;
  count: number;
}

/** A tag a paper lists that the vocabulary does not know. */
export interface UnknownTag {
  slug: string;
  file: string;
  tag: string;
  /** Nearest known ids. */
  suggestions: string[];
}

/** Two free tags written differently that would share one URL. */
export interface FreeTagClash {
  tags: [string, string];
  files: [string, string];
  slug: string | undefined;
}

/** What the build reports about the vocabulary's use. */
export interface TaxonomyReport {
  /** Vocabulary tags no paper has. */
  emptyTags: string[];
  /** Tags exactly one paper has. */
  singleTags: string[];
  /** Aliases no paper's file uses: `id: alias`. */
  unusedAliases: { id: string; alias: string }[];
  /** Papers whose tags all come from rules (and their parents). */
  ruleOnlyPapers: string[];
  /** Papers with no tag at all. */
  untaggedPapers: string[];
}

/** The taxonomy of the archive, computed once per build. */
export interface Taxonomy {
  /** Every tag in tree order: each parent before its children; free tags last, by label. */
  tags: Tag[];
  byId: ReadonlyMap<string, Tag>;
  bySlug: ReadonlyMap<string, Tag>;
  /** Each paper's tags, by paper slug: file tags as written, then rule tags, then implied parents. */
  paperTags: ReadonlyMap<string, PaperTag[]>;
  /** Slugs of a tag's papers (its own and its descendants'), in the order papers were given. */
  papersOf: ReadonlyMap<string, string[]>;
  /** For each tag, the tags most often on the same papers (not its own ancestors or descendants), most first. */
  related: ReadonlyMap<string, CoTag[]>;
  unknown: UnknownTag[];
  clashes: FreeTagClash[];
  report: TaxonomyReport;
}

/** Options of `buildTaxonomy`. */
export interface TaxonomyOptions {
  /** Accept tags the vocabulary does not know, each as its own free tag. Always on without a vocabulary. */
  freeTags?: boolean;
  /** How many co-occurring tags to keep per tag (default 8). */
  relatedLimit?: number;
  /**
   * Which rules find something in a paper: `ruleMatchesIn(vocabulary, paper.text)`,
   * or the same answer kept from an earlier build (see paper-memo.ts).
   */
  ruleMatches?: ((paper: TaxonomyPaper) => readonly RuleMatch[]) | undefined;
}

/** A tag whose rule finds something in a paper's text: the tag's id and the first of its rules that does, as written. */
export type RuleMatch = readonly [id: string, rule: string];

/** Every vocabulary tag with a rule that finds something in `text`, in vocabulary order, each with its first such rule. */
export function ruleMatchesIn(vocabulary: Vocabulary, text: string): RuleMatch[] {
  const matches: RuleMatch[] = [];
  for (const tag of vocabulary.tags) {
    const rule = tag.rules.find((r) => ruleMatches(r, text));
    if (rule) matches.push([tag.id, rule.source]);
  }
  return matches;
}

/**
 * Tags every paper: its file's tags (ids or aliases, folded), the tags whose
 * rules match its title or abstract, and all their ancestors; then counts,
 * co-occurrence and the report. Pure: no files, no Astro.
 */
export function buildTaxonomy(
  vocabulary: Vocabulary | undefined,
  papers: readonly TaxonomyPaper[],
  options: TaxonomyOptions = {},
): Taxonomy {
  const freeTags = options.freeTags === true || vocabulary === undefined;
  const tags: Tag[] = (vocabulary?.tags ?? []).map((t) => ({
    id: t.id,
    slug: t.slug,
    label: t.label,
    description: t.description,
    parent: t.parent,
    children: t.children,
    ancestors: t.ancestors,
    aliases: t.aliases,
    free: false,
  }));
  const byId = new Map(tags.map((t) => [t.id, t]));
  const free = new Map<string, { tag: Tag; file: string }>();
  const usedSpellings = new Set<string>();
  const unknown: UnknownTag[] = [];
  const clashes: FreeTagClash[] = [];
  const paperTags = new Map<string, PaperTag[]>();
  const slugOwners = new Map(tags.map((t) => [t.slug, { id: t.id, file: 'the vocabulary' }]));
  const matchesOf = vocabulary ? (options.ruleMatches ?? ((paper: TaxonomyPaper) => ruleMatchesIn(vocabulary, paper.text))) : () => [];

  // A free tag is named by its most used spelling, then the one the oldest paper wrote (papers come
  // newest first), so a newer paper never renames an existing free tag by spelling it another way.
  const spellings = new Map<string, Map<string, number>>();
  if (freeTags) {
    for (const paper of [...papers].reverse()) {
      for (const written of paper.tags) {
        if (vocabulary?.resolve(written) !== undefined) continue;
        const folded = foldTag(written);
        const counts = spellings.get(folded) ?? new Map<string, number>();
        counts.set(written.trim(), (counts.get(written.trim()) ?? 0) + 1);
        spellings.set(folded, counts);
      }
    }
  }
  // The sort is stable: among equal counts, the spelling seen first (in the oldest paper) stays first.
  const spellingOf = (folded: string, written: string) =>
    [...(spellings.get(folded) ?? [])].sort((a, b) => b[1] - a[1])[0]?.[0] ?? written.trim();

  for (const paper of papers) {
    const assigned = new Map<string, PaperTag>();
    for (const written of paper.tags) {
      const folded = foldTag(written);
      usedSpellings.add(folded);
      let id = vocabulary?.resolve(written);
      if (id === undefined && freeTags) id = freeTag(written, folded, paper.file);
      if (id === undefined)
        unknown.push({ slug: paper.slug, file: paper.file, tag: written, suggestions: vocabulary?.suggest(written) ?? [] });
      else if (!assigned.has(id)) assigned.set(id, { id, source: 'file' });
    }
    for (const [id, rule] of matchesOf(paper)) {
      if (!assigned.has(id)) assigned.set(id, { id, source: 'rule', rule });
    }
    for (const { id } of [...assigned.values()]) {
      for (const ancestor of byId.get(id)?.ancestors ?? []) {
        if (!assigned.has(ancestor)) assigned.set(ancestor, { id: ancestor, source: 'parent' });
      }
    }
    paperTags.set(paper.slug, [...assigned.values()]);
  }

  const freeList = [...free.values()].map((f) => f.tag).sort((a, b) => a.label.localeCompare(b.label) || a.id.localeCompare(b.id));
  tags.push(...freeList);
  const papersOf = new Map<string, string[]>(tags.map((t) => [t.id, []]));
  for (const paper of papers) {
    for (const { id } of paperTags.get(paper.slug)!) papersOf.get(id)!.push(paper.slug);
  }

  return {
    tags,
    byId,
    bySlug: new Map(tags.map((t) => [t.slug, t])),
    paperTags,
    papersOf,
    related: coOccurrence(tags, byId, paperTags, options.relatedLimit ?? 8),
    unknown,
    clashes,
    report: {
      emptyTags: tags.filter((t) => !t.free && papersOf.get(t.id)!.length === 0).map((t) => t.id),
      singleTags: tags.filter((t) => papersOf.get(t.id)!.length === 1).map((t) => t.id),
      unusedAliases: (vocabulary?.tags ?? []).flatMap((t) =>
        t.aliases.filter((a) => !usedSpellings.has(foldTag(a))).map((alias) => ({ id: t.id, alias })),
      ),
      ruleOnlyPapers: papers
        .filter((p) => {
          const list = paperTags.get(p.slug)!;
          return list.length > 0 && !list.some((t) => t.source === 'file');
        })
        .map((p) => p.slug),
      untaggedPapers: papers.filter((p) => paperTags.get(p.slug)!.length === 0).map((p) => p.slug),
    },
  };

  function freeTag(written: string, folded: string, file: string): string | undefined {
    const known = free.get(folded);
    if (known) return known.tag.id;
    const id = spellingOf(folded, written);
    const slug = tagSlug(id);
    const owner = slug === undefined ? undefined : slugOwners.get(slug);
    if (slug === undefined || owner) {
      clashes.push({ tags: [owner?.id ?? id, id], files: [owner?.file ?? file, file], slug });
      return undefined;
    }
    const tag: Tag = { id, slug, label: freeLabel(id), children: [], ancestors: [], aliases: [], free: true };
    free.set(folded, { tag, file });
    slugOwners.set(slug, { id, file });
    byId.set(id, tag);
    return id;
  }
}

/** A readable label for a free tag: `sparse-attention` → "Sparse attention"; `LLM` stays "LLM". */
export function freeLabel(id: string): string {
  const words = id.replace(/[-_\s]+/g, ' ').trim();
  if (words !== words.toLowerCase()) return words;
  const [first = '', ...rest] = [...words];
  return first.toUpperCase() + rest.join('');
}

function coOccurrence(
  tags: readonly Tag[],
  byId: ReadonlyMap<string, Tag>,
  paperTags: ReadonlyMap<string, PaperTag[]>,
  limit: number,
): Map<string, CoTag[]> {
  const counts = new Map<string, Map<string, number>>(tags.map((t) => [t.id, new Map()]));
  const lineage = (a: string, b: string) => byId.get(a)!.ancestors.includes(b) || byId.get(b)!.ancestors.includes(a);
  for (const list of paperTags.values()) {
    for (const a of list) {
      for (const b of list) {
        if (a.id === b.id || lineage(a.id, b.id)) continue;
        const row = counts.get(a.id)!;
        row.set(b.id, (row.get(b.id) ?? 0) + 1);
      }
    }
  }
  const order = new Map(tags.map((t, i) => [t.id, i]));
  return new Map(
    [...counts].map(([id, row]) => [
      id,
      [...row]
        .map(([other, count]) => ({ id: other, count }))
        .sort((x, y) => y.count - x.count || order.get(x.id)! - order.get(y.id)!)
        .slice(0, limit),
    ]),
  );
}
