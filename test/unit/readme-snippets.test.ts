// The configuration the READMEs give readers to copy (a GitHub Actions workflow and the like) is valid YAML as written:
// a `${{ }}` expression left unquoted in a flow mapping made the deploy workflow unreadable to GitHub.
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { repoRoot } from '../support/fixture-site.ts';

/** The fenced ```yaml blocks of a Markdown file, with the line each starts at. */
function yamlBlocks(markdown: string): { line: number; text: string }[] {
  const blocks: { line: number; text: string }[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```ya?ml\s*$/.exec(lines[i]!);
    if (!open) continue;
    const indent = open[1]!.length;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !/^\s*```\s*$/.test(lines[j]!); j++) body.push(lines[j]!.slice(indent));
    blocks.push({ line: i + 1, text: body.join('\n') });
    i = j;
  }
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
