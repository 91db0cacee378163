// Free tags: tags no vocabulary lists, accepted with `freeTags: true` or when a site has no vocabulary file.
import { describe, expect, it } from 'vitest';
import { load } from 'cheerio';
import { buildFixture, paperFile } from '../support/fixture-site.ts';

describe('free tags', () => {
  it('with `freeTags: true`, gives an unknown tag its own page with a generated label next to the vocabulary', async () => {
    const site = await buildFixture(
      'taxonomy-free-tags',
      {
        'content/tags.yml': '- id: reasoning\n  label: Reasoning\n',
        'content/papers/a.md': paperFile(
          'title: A paper\ndate: 2025-08-27\ntags: [Reasoning, chain-of-thought, Chain Of Thought, LLM]',
          'An abstract.',
        ),
      },
      { integration: '{ freeTags: true }' },
    );
    expect(site.code, site.output).toBe(0);
    const $ = load(await site.read('papers/a/index.html'));
    expect(
      $('.paper-tags a.tag')
        .map((_, a) => `${$(a).text()} ${$(a).attr('href')}`)
        .get(),
    ).toEqual(['Reasoning /tags/reasoning/', 'Chain of thought /tags/chain-of-thought/', 'LLM /tags/llm/']);
    const tags = load(await site.read('tags/index.html'));
    expect(tags('#free-tags').text()).toBe('Other tags');
    expect(
      tags('#free-tags + .tag-tree > li > a')
        .map((_, a) => tags(a).text())
        .get(),
    ).toEqual(['Chain of thought', 'LLM']);
    expect(load(await site.read('tags/chain-of-thought/index.html'))('h1').text()).toBe('Chain of thought');
  }, 120_000);

  it('without a vocabulary file, uses the tags papers write', async () => {
    const site = await buildFixture('taxonomy-no-vocabulary', {
      'content/papers/a.md': paperFile('title: A paper\ndate: 2025-08-27\ntags: [3D, vision]', 'An abstract.'),
      'content/papers/b.md': paperFile('title: B paper\ndate: 2025-08-26\ntags: [Vision]', 'An abstract.'),
    });
    expect(site.code, site.output).toBe(0);
    const $ = load(await site.read('tags/index.html'));
    expect($('#free-tags').text()).toBe('All tags');
    expect(
      $('.tag-tree li')
        .map((_, li) => $(li).text().replace(/\s+/g, ' ').trim())
        .get(),
    ).toEqual(['3D 1 paper', 'Vision 2 papers']);
  }, 120_000);
});
