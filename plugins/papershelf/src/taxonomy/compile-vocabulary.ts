import { closestMatches, didYouMean } from '../text/did-you-mean.ts';
import { foldTag } from './fold-tag.ts';
import { tagSlug } from './tag-slug.ts';
import { compileRule, type TagRule } from './tag-rule.ts';
import type { TagDefinition } from './parse-vocabulary.ts';
import { VocabularyError, type VocabularyProblem } from './vocabulary-problem.ts';

/** A tag of the vocabulary, checked and ready to use. */
export interface VocabularyTag extends TagDefinition {
  /** The URL segment, from `tagSlug(id)`. */
  slug: string;
  rules: TagRule[];
  /** Ids of the broader tags, root first. */
  ancestors: string[];
  /** Ids of the tags whose parent this is, in file order. */
  children: string[];
}

/** The checked vocabulary: tags in tree order (each parent before its children) and a lookup of spellings. */
export interface Vocabulary {
  tags: VocabularyTag[];
  byId: ReadonlyMap<string, VocabularyTag>;
  /** The id a paper means by a spelling (an id or an alias, any case, hyphens or spaces), if any. */
  resolve(spelling: string): string | undefined;
  /** The tags whose id, alias or label is nearest to an unknown spelling, by id, for "did you mean". */
  suggest(spelling: string): string[];
}

/**
 * Checks the vocabulary as a whole and compiles its rules. Stops, naming
 * each tag, on: two ids that are one tag once folded, two ids with one URL,
 * two tags with one label,
 * an id with no letter or digit, a parent that is not a tag, a cycle of
 * parents, a spelling (id or alias) claimed by two tags, and a rule that is
 * not a valid regular expression.
 */
export function compileVocabulary(definitions: readonly TagDefinition[], file: string): Vocabulary {
  const problems: VocabularyProblem[] = [];
  const report = (tag: TagDefinition, message: string) => problems.push({ line: tag.line, message: `tag \`${tag.id}\`: ${message}` });
  const at = (tag: TagDefinition) => (tag.line ? ` (line ${tag.line})` : '');

  const byFoldedId = new Map<string, TagDefinition>();
  const bySlug = new Map<string, TagDefinition>();
  const slugs = new Map<TagDefinition, string>();
  for (const tag of definitions) {
    const folded = foldTag(tag.id);
    const same = byFoldedId.get(folded);
    if (same) {
      report(tag, `is the same tag as \`${same.id}\`${at(same)} (ids match ignoring case, spaces and hyphens); remove one or merge them`);
      continue;
    }
    byFoldedId.set(folded, tag);
    const slug = tagSlug(tag.id);
    if (!slug) {
      report(tag, 'the id has no letter or digit to make its URL from; use a word, e.g. `id: c-plus-plus`');
      continue;
    }
    const clash = bySlug.get(slug);
    if (clash) report(tag, `has the same URL \`tags/${slug}/\` as tag \`${clash.id}\`${at(clash)}; rename one of the ids`);
    bySlug.set(slug, tag);
    slugs.set(tag, slug);
  }

  const spellings = new Map<string, TagDefinition>([...byFoldedId]);
  for (const tag of definitions) {
    for (const alias of tag.aliases) {
      const folded = foldTag(alias);
      const owner = spellings.get(folded);
      if (owner && owner !== tag) {
        const what = foldTag(owner.id) === folded ? `the id of tag \`${owner.id}\`` : `also an alias of tag \`${owner.id}\``;
        report(tag, `alias \`${alias}\` is ${what}${at(owner)}; a spelling can mean only one tag, so remove it from one of them`);
      } else {
        spellings.set(folded, tag);
      }
    }
  }

  // Readers and the search page's tag filter tell tags apart by label, so two tags cannot share one.
  const byLabel = new Map<string, TagDefinition>();
  for (const tag of definitions) {
    const label = tag.label.normalize('NFKC').trim().toLowerCase();
    const same = byLabel.get(label);
    if (same)
      report(
        tag,
        `label \`${tag.label}\` is also the label of tag \`${same.id}\`${at(same)}; readers and the search filter could not tell them apart, so give one a longer label (e.g. \`${tag.label} (${tag.parent ?? tag.id})\`)`,
      );
    else byLabel.set(label, tag);
  }

  const ids = definitions.map((t) => t.id);
  const parentOf = new Map<TagDefinition, TagDefinition>();
  for (const tag of definitions) {
    if (tag.parent === undefined) continue;
    const parent = byFoldedId.get(foldTag(tag.parent));
    // A parent is named by its id; an alias or a label of a tag names that tag, and the fix is its id.
    const meant = spellings.get(foldTag(tag.parent)) ?? byLabel.get(tag.parent.normalize('NFKC').trim().toLowerCase());
    if (!parent && meant) {
      report(
        tag,
        `parent \`${tag.parent}\` is not a tag id but names tag \`${meant.id}\`${at(meant)}; write its id: \`parent: ${meant.id}\``,
      );
    } else if (!parent) {
      const hint = didYouMean(tag.parent, ids);
      report(tag, `parent \`${tag.parent}\` is not a tag id${hint ? `; ${hint}` : '; add that tag or remove the `parent` line'}`);
    } else if (parent === tag) {
      report(tag, 'is its own parent; remove the `parent` line');
    } else {
      parentOf.set(tag, parent);
    }
  }
  const inCycle = new Set<TagDefinition>();
  for (const tag of definitions) {
    const path: TagDefinition[] = [];
    let current: TagDefinition | undefined = tag;
    while (current && !path.includes(current)) {
      path.push(current);
      current = parentOf.get(current);
    }
    if (current === tag && !inCycle.has(tag)) {
      path.forEach((t) => inCycle.add(t));
      report(
        tag,
        `its parents form a cycle: ${[...path, tag].map((t) => `\`${t.id}\``).join(' → ')}; one of these tags must have no parent or another one`,
      );
    }
  }

  const rules = new Map<TagDefinition, TagRule[]>();
  for (const tag of definitions) {
    const compiled: TagRule[] = [];
    for (const source of tag.match) {
      const result = compileRule(source);
      if ('error' in result) report(tag, `rule \`${source}\` ${result.error}`);
      else compiled.push(result.rule);
    }
    rules.set(tag, compiled);
  }

  if (problems.length > 0) throw new VocabularyError(file, problems);
  return assemble(definitions, parentOf, slugs, rules, spellings, byLabel);
}

function assemble(
  definitions: readonly TagDefinition[],
  parentOf: ReadonlyMap<TagDefinition, TagDefinition>,
  slugs: ReadonlyMap<TagDefinition, string>,
  rules: ReadonlyMap<TagDefinition, TagRule[]>,
  spellings: ReadonlyMap<string, TagDefinition>,
  byLabel: ReadonlyMap<string, TagDefinition>,
): Vocabulary {
  const childrenOf = new Map<TagDefinition | undefined, TagDefinition[]>();
  for (const tag of definitions) {
    const parent = parentOf.get(tag);
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), tag]);
  }
  const tags: VocabularyTag[] = [];
  const visit = (definition: TagDefinition, ancestors: string[]) => {
    const children = childrenOf.get(definition) ?? [];
    tags.push({
      ...definition,
      parent: parentOf.get(definition)?.id,
      slug: slugs.get(definition)!,
      rules: rules.get(definition) ?? [],
      ancestors,
      children: children.map((c) => c.id),
    });
    for (const child of children) visit(child, [...ancestors, definition.id]);
  };
  for (const root of childrenOf.get(undefined) ?? []) visit(root, []);
  const byId = new Map(tags.map((t) => [t.id, t]));
  // Made on the first unknown tag, once: most builds have none.
  let owners: Map<string, string> | undefined;
  return {
    tags,
    byId,
    resolve: (spelling) => spellings.get(foldTag(spelling))?.id,
    // A tag's label written as a tag (`Attention mechanisms`) means that tag; else the tags one of whose spellings
    // (id, alias, label) is nearest, compared without spaces and hyphens: `flash-attention-3` is one letter off the
    // alias `flashattention`, so it suggests that alias's tag, not an id that merely shares `attention`.
    suggest: (spelling) => {
      const labelled = byLabel.get(spelling.normalize('NFKC').trim().toLowerCase());
      if (labelled) return [labelled.id];
      owners ??= spellingOwners(spellings, tags);
      const nearest = closestMatches(squeezeTag(spelling), owners.keys(), owners.size).map((match) => owners!.get(match)!);
      return [...new Set(nearest)].slice(0, 3);
    },
  };
}

/** A spelling folded as `resolve` folds it, without its spaces: `flash-attention-3` → `flashattention3`. */
function squeezeTag(text: string): string {
  return foldTag(text).replaceAll(' ', '');
}

/** Each squeezed spelling of a tag (its id and aliases, as `spellings` holds them folded, then its label) → its id. */
function spellingOwners(
  spellings: ReadonlyMap<string, { id: string }>,
  tags: readonly { id: string; label: string }[],
): Map<string, string> {
  const owners = new Map<string, string>();
  const add = (text: string, id: string) => {
    if (!owners.has(squeezeTag(text))) owners.set(squeezeTag(text), id);
  };
  for (const [folded, tag] of spellings) add(folded, tag.id);
  for (const tag of tags) add(tag.label, tag.id);
  return owners;
}
