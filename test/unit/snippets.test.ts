// Listing snippets and descriptions: cut at a sentence end (no ellipsis) or right after a word (with "…"),
// never ".…", ",…" or "e.g.…", never inside a formula.
import { describe, expect, it } from 'vitest';
import { abstractSnippet } from '../../plugins/papershelf/src/archive/abstract-snippet.ts';
import { firstSentence } from '../../plugins/papershelf/src/archive/first-sentence.ts';
import { cutAtWord, withEllipsis } from '../../plugins/papershelf/src/archive/text-cut.ts';
import { buildArchive } from '../../plugins/papershelf/src/archive/build-archive.ts';
import { paperData } from '../support/paper-data.ts';

const oat =
  'Visual search is important in our daily life. The efficient allocation of visual attention is critical to effectively complete visual search tasks. Prior research has predominantly modelled the spatial allocation of visual attention in images at the pixel level, e.g. using a saliency map. However, emerging evidence shows that visual attention is guided by objects rather than pixel intensities.';

describe('abstractSnippet', () => {
  it.each([
    // A sentence end in the second half of the room: the snippet ends there, without an ellipsis.
    [
      oat,
      160,
      'Visual search is important in our daily life. The efficient allocation of visual attention is critical to effectively complete visual search tasks.',
    ],
    // "e.g." is no sentence end, and the cut goes back to a word, not to "e.g.…".
    ['We model attention at the pixel level, e.g. using a saliency map.', 44, 'We model attention at the pixel level…'],
    // A comma before the cut is dropped: the ellipsis follows the word.
    ['We study sparse attention, dense attention, and everything in between in a long first sentence.', 30, 'We study sparse attention…'],
    // The whole first paragraph fits: as written.
    ['Short abstract. Two sentences.\n\nSecond paragraph.', 280, 'Short abstract. Two sentences.'],
    // Never inside a formula; after one, the ellipsis follows it.
    ['Attention costs \\(O(n^2)\\) in time and memory for every head of every layer.', 20, 'Attention costs \\(O(n^2)\\)…'],
    ['An abstract that mentions \\(x\\) and then \\(y\\) and more words.', 28, 'An abstract that mentions \\(x\\)…'],
    ['An abstract that mentions \\(x\\) and then \\(y\\) and more words.', 24, 'An abstract that…'],
  ])('%#: cuts %j at %d', (body, limit, expected) => {
    expect(abstractSnippet(body, limit)).toBe(expected);
  });

  it('never ends in punctuation followed by an ellipsis, at any length', () => {
    for (let limit = 20; limit < oat.length; limit += 7) {
      const snippet = abstractSnippet(oat, limit);
      expect(snippet, `limit ${limit}`).not.toMatch(/[\s.,;:!?(\-–—]…$/);
      expect(snippet, `limit ${limit}`).toMatch(/(?:[.!?]|\p{L}…|\p{N}…)$/u);
    }
  });
});

describe('cutting at a word', () => {
  it.each([
    ['pixel level, e.g.', 'pixel level…'],
    ['address this question.', 'address this question…'],
    ['a list: ', 'a list…'],
    ['as shown by Smith et al.', 'as shown by Smith…'],
    ['ends (', 'ends…'],
  ])('%j → %j', (text, expected) => {
    expect(withEllipsis(text)).toBe(expected);
  });

  it('cuts at a space, and mid-word only in text without one', () => {
    expect(cutAtWord('one two three', 8)).toBe('one two…');
    expect(cutAtWord('https://example.org/a/very/long/path', 10)).toBe('https://ex…');
  });

  it('cuts a long first sentence at a word', () => {
    expect(firstSentence(`We propose, e.g., ${'many '.repeat(80)}things. Then more.`, 60)).toBe(
      'We propose, e.g., many many many many many many many many…',
    );
  });
});

describe('the text of an abstract written in Markdown', () => {
  const paperOf = (body: string) =>
    buildArchive([{ id: 'p', filePath: 'content/papers/p.md', body, data: paperData({ title: 'P' }) }], { related: false }).papers[0]!;

  it('reads markup as Markdown does: cards, descriptions, feeds and exports show the words, not the marks', () => {
    const paper = paperOf(
      'We use **sparse** attention with *learned* masks (see [the code](https://github.com/x/y)), the `topk` kernel and <i>raw</i> HTML at $O(n^2)$ cost.\n\nIt costs \\$5.',
    );
    const words = 'We use sparse attention with learned masks (see the code), the topk kernel and raw HTML at';
    expect(paper.abstract).toBe(`${words} $O(n^2)$ cost. It costs $5.`);
    expect(paper.description).toBe(`${words} O(n²) cost.`);
    expect(paper.snippetHtml).toMatch(new RegExp(`^${words.replace(/[()]/g, '\\$&')} <span class="katex"`));
    expect(paper.snippetHtml).not.toMatch(/\*\*|\]\(|`|&#60;i|It costs/);
  });

  it('keeps what an import escaped as the text it is, and a dollar that is text as a dollar', () => {
    const paper = paperOf('Papers claim \\<i\\>state-of-the-art\\</i\\> results \\& more for \\$5 at \\(x^2\\).');
    expect(paper.abstract).toBe('Papers claim <i>state-of-the-art</i> results & more for $5 at \\(x^2\\).');
    expect(paper.snippetHtml).toMatch(
      /^Papers claim &#60;i&#62;state-of-the-art&#60;\/i&#62; results &#38; more for \$5 at <span class="katex"/,
    );
  });
});
