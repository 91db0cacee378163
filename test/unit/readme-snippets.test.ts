// The configuration the READMEs give readers to copy (a GitHub Actions workflow and the like) is valid YAML as written:
// a `${{ }}` expression left unquoted in a flow mapping made the deploy workflow unreadable to GitHub.
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes } from 'mdast';
import { repoRoot } from '../support/fixture-site.ts';

/** The fenced ```yaml blocks of a Markdown file (in lists too, as CommonMark reads them), with the line each starts at. */
function yamlBlocks(markdown: string): { line: number; text: string }[] {
  const blocks: { line: number; text: string }[] = [];
  const walk = (node: Nodes): void => {
    if (node.type === 'code' && (node.lang === 'yaml' || node.lang === 'yml'))
      blocks.push({ line: node.position?.start.line ?? 0, text: node.value });
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(fromMarkdown(markdown));
  return blocks;
}

describe('the READMEs’ YAML', () => {
  for (const file of ['README.md', 'plugins/papershelf/README.md']) {
    it(`parses in ${file}`, async () => {
      const blocks = yamlBlocks(await readFile(join(repoRoot, file), 'utf8'));
      for (const block of blocks) {
        const errors = parseAllDocuments(block.text).flatMap((document) => ('errors' in document ? document.errors : []));
        expect(
          errors.map((error) => error.message),
          `${file}:${block.line}`,
        ).toEqual([]);
      }
    });
  }

  it('finds the deploy workflow, with its build step’s environment as GitHub reads it', async () => {
    const blocks = yamlBlocks(await readFile(join(repoRoot, 'plugins/papershelf/README.md'), 'utf8'));
    const workflow = blocks.find((block) => block.text.includes('actions/deploy-pages'));
    expect(workflow).toBeDefined();
    const parsed = parseAllDocuments(workflow!.text)[0]!.toJS() as {
      jobs: { build: { steps: { env?: Record<string, string> }[] } };
    };
    const env = parsed.jobs.build.steps.find((step) => step.env)?.env;
    expect(env).toEqual({ NODE_COMPILE_CACHE: '${{ runner.temp }}/node-compile-cache' });
  });
});
