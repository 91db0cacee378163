// The vocabulary and paper tags stop a build with messages that name the file, the line, the tag and the fix.
import { describe, expect, it } from 'vitest';
import { load } from 'cheerio';
import { buildFixture, paperFile } from '../support/fixture-site.ts';

const paper = paperFile('title: A paper\ndate: 2025-08-27', 'An abstract.');

describe('a vocabulary with problems', () => {
  it('stops the build and names every problem with its line and tag', async () => {
    const site = await buildFixture('taxonomy-bad-vocabulary', {
      'content/tags.yml': [
        '- id: a',
        '  label: A',
        '  parent: b',
        '- id: b',
        '  label: B',
        '  parent: a',
        '- id: orphan',
        '  label: Orphan',
        '  parent: atention',
        '- id: attention',
        '  label: Attention',
        '  aliases: [LLM]',
        '- id: llms',
        '  label: LLMs',
        '  aliases: [llm]',
        '- id: bad-rule',
        '  label: Bad rule',
        '  match: ["/(unclosed/i"]',
        '- id: C++',
        '  label: C++',
        '- id: c plus plus',
        '  label: C plus plus',
        '- id: typo',
        '  lable: Typo',
      ].join('\n'),
      'content/papers/a.md': paper,
    });
    expect(site.code).not.toBe(0);
    expect(site.output).toContain('The tag vocabulary content/tags.yml has 7 problems:');
    for (const line of [
      'content/tags.yml:24: tag `typo`: `lable` is not a tag field; did you mean `label`?',
      'content/tags.yml:23: tag `typo`: `label` is missing; write `label: Sparse attention`',
      'content/tags.yml:1: tag `a`: its parents form a cycle: `a` → `b` → `a`; one of these tags must have no parent or another one',
      'content/tags.yml:7: tag `orphan`: parent `atention` is not a tag id; did you mean `attention`?',
      'content/tags.yml:13: tag `llms`: alias `llm` is also an alias of tag `attention` (line 10); a spelling can mean only one tag, so remove it from one of them',
      'content/tags.yml:16: tag `bad-rule`: rule `/(unclosed/i` is not a valid regular expression: Invalid regular expression: /(unclosed/iu: Unterminated group',
      'content/tags.yml:21: tag `c plus plus`: has the same URL `tags/c-plus-plus/` as tag `C++` (line 19); rename one of the ids',
    ]) {
      expect(site.output).toContain(line);
    }
  }, 120_000);

  it('stops on YAML that does not parse, with the line', async () => {
    const site = await buildFixture('taxonomy-bad-yaml', {
      'content/tags.yml': '- id: a\n  label: A\n- id: [b\n',
      'content/papers/a.md': paper,
    });
    expect(site.code).not.toBe(0);
    expect(site.output).toContain('content/tags.yml:4: not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]');
  }, 120_000);
});


describe('free tags', () => {
  it('with `freeTags: true`, gives an unknown tag its own page with a generated label next to the vocabulary', async () => {
    const site = await buildFixture('taxonomy-free-tags', {
      'content/tags.yml': '- id: reasoning\n  label: Reasoning\n',
      'content/papers/a.md': paperFile('title: A paper\ndate: 2025-08-27\ntags: [Reasoning, chain-of-thought, Chain Of Thought, LLM]', 'An abstract.'),
    }, { integration: '{ freeTags: true }' });
    expect(site.code, site.output).toBe(0);
    const $ = load(await site.read('papers/a/index.html'));
    expect($('.paper-tags a.tag').map((_, a) => `${$(a).text()} ${$(a).attr('href')}`).get()).toEqual([
      'Reasoning /tags/reasoning/',
      'Chain of thought /tags/chain-of-thought/',
      'LLM /tags/llm/',
    ]);
    const tags = load(await site.read('tags/index.html'));
    expect(tags('#free-tags').text()).toBe('Other tags');
    expect(tags('#free-tags + .tag-tree > li > a').map((_, a) => tags(a).text()).get()).toEqual(['Chain of thought', 'LLM']);
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
    expect($('.tag-tree li').map((_, li) => $(li).text().replace(/\s+/g, ' ').trim()).get()).toEqual(['3D 1 paper', 'Vision 2 papers']);
  }, 120_000);
});
