// The shipped JSON Schema keeps up with the paper schema, and the feed's math is MathML with TeX fallback.
import { describe, expect, it } from 'vitest';
import { load } from 'cheerio';
import { papersJsonSchema } from '../../plugins/papershelf/src/export/papers-schema.ts';
import { paperFields } from '../../plugins/papershelf/src/content/paper-schema.ts';
import { abstractFeedHtml } from '../../plugins/papershelf/src/feeds/abstract-html.ts';

describe('papers.schema.json', () => {
  it("describes every paper field (but `draft`, which is never exported), and the export's own fields", () => {
    const paper = (papersJsonSchema().$defs as { paper: { properties: Record<string, unknown> } }).paper;
    const exported = Object.keys(paperFields).filter((field) => field !== 'draft');
    expect(Object.keys(paper.properties)).toEqual(expect.arrayContaining([...exported, 'slug', 'page', 'abstract']));
    expect(Object.keys(paper.properties)).not.toContain('draft');
  });

  it('names itself only when given its URL', () => {
    expect(papersJsonSchema()).not.toHaveProperty('$id');
    expect(papersJsonSchema('https://example.org/papers.schema.json')).toHaveProperty('$id', 'https://example.org/papers.schema.json');
  });
});

describe('abstractFeedHtml', () => {
  it('writes formulas as MathML with the TeX in alttext and annotation, and escapes the text', () => {
    const $ = load(abstractFeedHtml('A <b> & \\(x^2\\) and $$\\sum_i$$ end'));
    expect(
      $('math')
        .map((_, m) => $(m).attr('alttext'))
        .get(),
    ).toEqual(['x^2', '\\sum_i']);
    expect($('math').eq(1).attr('display')).toBe('block');
    expect($('b').length).toBe(0);
    expect($('p').text()).toMatch(/^A <b> & /);
  });

  it('keeps a formula KaTeX rejects as its TeX', () => {
    expect(abstractFeedHtml('bad \\(\\frac{1}{\\) here')).toBe('<p>bad \\(\\frac{1}{\\) here</p>');
  });
});
