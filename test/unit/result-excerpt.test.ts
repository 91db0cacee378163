// A search result's excerpt: from the abstract only, whole words, an ellipsis where it is cut, marks on words only.
import { describe, expect, it } from 'vitest';
import { abstractExcerpt, type ExcerptPart } from '../../plugins/papershelf/src/client/result-excerpt.ts';

const title = 'Attention Sinks: A Study';
const abstract =
  'Language models put much attention on the first token. We call this an attention sink. It appears in every layer we looked at, and it grows with training. Removing it harms the model.';
const content = `${title} Ada Lovelace ${abstract} attentionsink`;
const words = content.split(' ');
const anchors = [
  { id: 'abstract-text', location: 6 },
  { id: 'formula-words', location: words.length - 1 },
];
const at = (word: string, from = 0) => words.findIndex((w, i) => i >= from && w.replace(/[^\w]/g, '') === word);
const text = (parts: ExcerptPart[]) => parts.map((p) => p.text).join('');
const marked = (parts: ExcerptPart[]) => parts.filter((p) => p.marked).map((p) => p.text);

describe('abstractExcerpt', () => {
  it('starts at the sentence of the matches, marks the words without their punctuation, and ends with an ellipsis', () => {
    const sink = at('sink');
    const parts = abstractExcerpt({ content, locations: [at('attention', 6 + 5), sink, 0], anchors }, { length: 12 });
    expect(text(parts)).toBe('… We call this an attention sink. It appears in every layer we…');
    expect(marked(parts)).toEqual(['attention', 'sink']);
    // Cut mid-sentence after a comma: the ellipsis takes its place.
    const atComma = abstractExcerpt({ content, locations: [at('attention', 6 + 5), sink, 0], anchors }, { length: 14 });
    expect(text(atComma)).toBe('… We call this an attention sink. It appears in every layer we looked at…');
  });

  it('opens the abstract when only the title matched, never repeating the title', () => {
    const parts = abstractExcerpt({ content, locations: [0, 1], anchors }, { length: 8 });
    expect(text(parts)).toBe('Language models put much attention on the first…');
    expect(marked(parts)).toEqual([]);
  });

  it("takes the excerpt around the formula whose key matched, marking the formula's words", () => {
    const formulaAbstract = `We study many problems of long sequences in detail. Our algorithm runs in O(n log n) time and 3× less memory than before, on every benchmark we tried.`;
    const formulaContent = `${title} Ada Lovelace ${formulaAbstract} onlogn nlogn o n log 3x 3 x`;
    const all = formulaContent.split(' ');
    const formulaAnchors = [
      { id: 'abstract-text', location: 6 },
      { id: 'formula-words', location: all.indexOf('onlogn') },
    ];
    const key = (word: string) => all.lastIndexOf(word);
    const parts = abstractExcerpt(
      { content: formulaContent, locations: [key('onlogn'), key('n')], anchors: formulaAnchors },
      { length: 10 },
    );
    expect(text(parts)).toBe('… Our algorithm runs in O(n log n) time and 3×…');
    expect(marked(parts)).toEqual(['O(n', 'log', 'n']);
    const times = abstractExcerpt({ content: formulaContent, locations: [key('3x')], anchors: formulaAnchors }, { length: 10 });
    expect(marked(times)).toEqual(['3']);
  });

  it('ends without an ellipsis where the abstract ends, and leaves out the words after it', () => {
    const parts = abstractExcerpt({ content, locations: [at('Removing'), words.length - 1], anchors }, { length: 40 });
    expect(text(parts)).toMatch(/Removing it harms the model\.$/);
    expect(text(parts)).not.toContain('attentionsink');
  });

  it('marks only the part of a word with punctuation inside that the query matched', () => {
    const inner = 'We prune attention heads:(1) by score. A KV-cache of pairs-wise keys shrinks.';
    const innerContent = `${title} Ada Lovelace ${inner} end`;
    const all = innerContent.split(' ');
    const innerAnchors = [
      { id: 'abstract-text', location: 6 },
      { id: 'formula-words', location: all.length - 1 },
    ];
    const source = (...found: string[]) => ({
      content: innerContent,
      locations: found.map((word) => all.findIndex((w, i) => i >= 6 && w.startsWith(word))),
      anchors: innerAnchors,
    });
    expect(marked(abstractExcerpt(source('heads'), { query: 'head' }))).toEqual(['heads']);
    expect(marked(abstractExcerpt(source('KV-cache'), { query: 'cache' }))).toEqual(['cache']);
    // Both parts asked for: the hyphen between them is marked with them, as one word.
    expect(marked(abstractExcerpt(source('KV-cache'), { query: 'kv cache' }))).toEqual(['KV-cache']);
    // No part begins like the query (a formula's key matched it): the whole word, as before.
    expect(marked(abstractExcerpt(source('heads'), { query: 'h1' }))).toEqual(['heads:(1']);
    expect(marked(abstractExcerpt(source('heads'), {}))).toEqual(['heads:(1']);
  });

  it('finds the parts as Pagefind finds words: by stem, without accents, and a word the query writes as one', () => {
    const inner = 'A case-study of GPT-4o and Schrödinger-like attention-only models.';
    const innerContent = `${title} Ada Lovelace ${inner} end`;
    const all = innerContent.split(' ');
    const innerAnchors = [
      { id: 'abstract-text', location: 6 },
      { id: 'formula-words', location: all.length - 1 },
    ];
    const marks = (word: string, query: string) =>
      marked(
        abstractExcerpt(
          { content: innerContent, locations: [all.findIndex((w, i) => i >= 6 && w.startsWith(word))], anchors: innerAnchors },
          { query },
        ),
      );
    expect(marks('case', 'case studies')).toEqual(['case-study']);
    expect(marks('case', 'studies')).toEqual(['study']);
    expect(marks('GPT', 'gpt4o')).toEqual(['GPT-4o']);
    expect(marks('Schr', 'schrodinger')).toEqual(['Schrödinger']);
    // A query's one-letter words (of a formula) find no part but their own.
    expect(marks('attention', 'O(n) attention')).toEqual(['attention']);
  });

  it('ends a cut after an ellipsis of the text with no second one', () => {
    const inner = 'Let the tokens be x_1, …, x_N in order.';
    const innerContent = `${title} Ada Lovelace ${inner} end`;
    const all = innerContent.split(' ');
    const innerAnchors = [
      { id: 'abstract-text', location: 6 },
      { id: 'formula-words', location: all.length - 1 },
    ];
    const parts = abstractExcerpt({ content: innerContent, locations: [7], anchors: innerAnchors }, { length: 6 });
    expect(text(parts)).toBe('Let the tokens be x_1, …');
  });
});
