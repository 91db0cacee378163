// Mistakes in a site's setup stop the build before any page is built, with one message that names each
// problem: option typos and vocabulary problems. They are decided before Astro builds anything, so they are
// tested here on the integration's own functions rather than by a build.
import { describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AstroError } from 'astro/errors';
import papershelf from '../../plugins/papershelf/src/index.ts';
import { checkVocabulary } from '../../plugins/papershelf/src/integration/check-vocabulary.ts';

/** The AstroError a call throws (failing the test if it throws nothing or something else). */
function astroErrorOf(call: () => unknown): AstroError {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(AstroError);
    return error as AstroError;
  }
  throw new Error('expected an AstroError');
}

async function siteWithVocabulary(text: string): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'vocabulary-'));
  await mkdir(join(root, 'content'), { recursive: true });
  await writeFile(join(root, 'content', 'tags.yml'), text);
  return root;
}

describe('papershelf() options', () => {
  it.each([
    [{ features: { autors: false } }, 'Invalid papershelf() options:\n`features`: Unrecognized key: "autors"'],
    [{ search: { maxFragment: 2 } }, 'Invalid papershelf() options:\n`search`: Unrecognized key: "maxFragment"'],
    [{ search: { maxFragments: 0 } }, 'Invalid papershelf() options:\n`search.maxFragments`: Too small: expected number to be >0'],
    [
      { search: { mergeIndexes: ['/2024/'] } },
      "Invalid papershelf() options:\n`search.mergeIndexes.0`: must be the path of another build's Pagefind folder on the same site, such as `/2024/pagefind/`",
    ],
    [
      { routePrefix: 'papers here' },
      'Invalid papershelf() options:\n`routePrefix`: must be a path such as `/papers` (letters, digits, `.`, `_`, `~`, `-` between slashes)',
    ],
  ])('%j stops the build: %s', (options, message) => {
    const error = astroErrorOf(() => papershelf(options as never));
    expect(error.message).toBe(message);
    expect(error.hint).toBe('See the options table in the astro-papershelf README.');
  });
});

describe('a vocabulary with problems', () => {
  it('stops the build naming every problem with its line and tag', async () => {
    const root = await siteWithVocabulary(
      [
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
    );
    const error = astroErrorOf(() => checkVocabulary(root, 'content/tags.yml'));
    expect(error.message).toContain('The tag vocabulary content/tags.yml has 7 problems:');
    for (const line of [
      'content/tags.yml:24: tag `typo`: `lable` is not a tag field; did you mean `label`?',
      'content/tags.yml:23: tag `typo`: `label` is missing; write `label: Sparse attention`',
      'content/tags.yml:1: tag `a`: its parents form a cycle: `a` → `b` → `a`; one of these tags must have no parent or another one',
      'content/tags.yml:7: tag `orphan`: parent `atention` is not a tag id; did you mean `attention`?',
      'content/tags.yml:13: tag `llms`: alias `llm` is also an alias of tag `attention` (line 10); a spelling can mean only one tag, so remove it from one of them',
      'content/tags.yml:16: tag `bad-rule`: rule `/(unclosed/i` is not a valid regular expression: Invalid regular expression: /(unclosed/iu: Unterminated group',
      'content/tags.yml:21: tag `c plus plus`: has the same URL `tags/c-plus-plus/` as tag `C++` (line 19); rename one of the ids',
    ]) {
      expect(error.message).toContain(line);
    }
    expect(error.hint).toBe('Fix the tags named above in content/tags.yml; its format is in the astro-papershelf README.');
  });

  it('stops on YAML that does not parse, with the line', async () => {
    const root = await siteWithVocabulary('- id: a\n  label: A\n- id: [b\n');
    expect(astroErrorOf(() => checkVocabulary(root, 'content/tags.yml')).message).toContain(
      'content/tags.yml:4: not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
    );
  });
});
