// Builds a small Astro site that uses astro-papershelf, in a folder inside the repo so it resolves the workspace package.
import { spawn } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';
import { mkdir, rm, writeFile, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const workRoot = join(repoRoot, 'test', '.work');
export const astroBin = join(repoRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');

const defaultFiles: Record<string, string> = {
  'astro.config.mjs': `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import papershelf from 'astro-papershelf';
export default defineConfig({ site: 'https://example.org', integrations: [mdx(), papershelf(OPTIONS)] });
`,
  'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { papersLoader, paperSchema } from 'astro-papershelf/content';
export const collections = { papers: defineCollection({ loader: papersLoader(), schema: paperSchema() }) };
`,
};

export interface FixtureBuild {
  root: string;
  code: number;
  output: string;
  /** Reads a built file, relative to dist/. */
  read: (path: string) => Promise<string>;
}

/** Writes a fixture site and runs `astro build` on it as a person would. */
export async function buildFixture(
  name: string,
  files: Record<string, string>,
  options: { integration?: string; args?: string[] } = {},
): Promise<FixtureBuild> {
  const root = await writeFixture(name, files, options.integration);
  const { code, output } = await run(process.execPath, [astroBin, 'build', '--root', root, ...(options.args ?? [])], repoRoot);
  return { root, code, output, read: (path) => readFile(join(root, 'dist', path), 'utf8') };
}

/** Writes a fixture site (default config plus `files`) under test/.work and returns its root. */
export async function writeFixture(name: string, files: Record<string, string>, integration = ''): Promise<string> {
  const root = join(workRoot, name);
  await rm(root, { recursive: true, force: true });
  const all = { ...defaultFiles, ...files };
  all['astro.config.mjs'] = all['astro.config.mjs']!.replace('OPTIONS', integration);
  for (const [path, content] of Object.entries(all)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
  return root;
}

/** Runs a command, collecting stdout and stderr together (as a person sees them) without colour codes. */
export function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...childEnv(), ...env } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output: stripVTControlCharacters(output) }));
  });
}

/** A paper file from frontmatter lines and a body. */
export function paperFile(frontmatter: string, body: string): string {
  return `---\n${frontmatter.trim()}\n---\n${body}\n`;
}

/**
 * The environment a person's shell would give a command: without the
 * variables Vitest sets for its own workers (NODE_ENV=test, VITEST…), which
 * make `astro dev` serve nothing, and without colour codes.
 */
export function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { NO_COLOR: '1', FORCE_COLOR: '0', ASTRO_TELEMETRY_DISABLED: '1' };
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('VITEST') || ['NODE_ENV', 'TEST', 'MODE', 'PROD', 'DEV', 'SSR', 'BASE_URL'].includes(key)) continue;
    env[key] ??= value;
  }
  return env;
}
