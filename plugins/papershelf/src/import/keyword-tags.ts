import type { Vocabulary } from '../taxonomy/compile-vocabulary.ts';
import { foldTag } from '../taxonomy/fold-tag.ts';
import { ruleMatches } from '../taxonomy/tag-rule.ts';
import type { ImportedPaper } from './imported-paper.ts';

/** The tags a source's keywords stand for, and the keywords that stand for none. */
export interface KeywordTags {
  /** Tag ids of the vocabulary, in keyword order, without a tag another one implies as its parent. */
  tags: string[];
  /** Keywords that are no tag's id or alias and that no tag's rule matches, as written. */
  unmatched: string[];
}

/**
 * Keywords (such as Hugging Face's `ai_keywords`) as tags of the
 * vocabulary, the way a paper file's `tags:` and the build's rules would
 * read them: a keyword that is a tag's id or alias (any case, spaces or
 * hyphens) is that tag; otherwise every tag with a `match` rule that finds
 * the keyword. A keyword that is neither is returned as unmatched, never
 * made a tag of its own; without a vocabulary every keyword is.
 */
export function keywordTags(keywords: readonly string[], vocabulary: Vocabulary | undefined): KeywordTags {
  const tags: string[] = [];
  const unmatched: string[] = [];
  for (const keyword of keywords) {
    // Rules run on NFKC text, as the build runs them on titles and abstracts.
    const text = keyword.normalize('NFKC').trim();
    if (text === '') continue;
    const resolved = vocabulary?.resolve(text);
    const found = resolved
      ? [resolved]
      : (vocabulary?.tags ?? []).filter((tag) => tag.rules.some((rule) => ruleMatches(rule, text))).map((t) => t.id);
    if (found.length === 0) unmatched.push(keyword);
    for (const id of found) if (!tags.includes(id)) tags.push(id);
  }
  const implied = new Set(tags.flatMap((id) => vocabulary?.byId.get(id)?.ancestors ?? []));
  return { tags: tags.filter((id) => !implied.has(id)), unmatched };
}

/** A keyword that matched no tag, as first written, and how many papers gave it. */
export interface UnmatchedKeyword {
  keyword: string;
  papers: number;
}

/**
 * Each paper with the tags its keywords stand for added after its own
 * (keywords are then dropped: they are not a paper field), and every
 * keyword that stood for no tag, once, in the order first seen.
 */
export function tagByKeywords(
  papers: readonly ImportedPaper[],
  vocabulary: Vocabulary | undefined,
): { papers: ImportedPaper[]; unmatched: UnmatchedKeyword[] } {
  const unmatched = new Map<string, UnmatchedKeyword>();
  const tagged = papers.map(({ keywords, ...paper }) => {
    if (!keywords?.length) return paper;
    const found = keywordTags(keywords, vocabulary);
    for (const keyword of new Set(found.unmatched.map((k) => foldTag(k)))) {
      const entry = unmatched.get(keyword) ?? { keyword: found.unmatched.find((k) => foldTag(k) === keyword)!, papers: 0 };
      entry.papers += 1;
      unmatched.set(keyword, entry);
    }
    const tags = [...(paper.tags ?? []), ...found.tags.filter((id) => !paper.tags?.includes(id))];
    return tags.length > 0 ? { ...paper, tags } : paper;
  });
  return { papers: tagged, unmatched: [...unmatched.values()] };
}
