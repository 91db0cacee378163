/**
 * The files an MDX paper imports that are not there: `import Note from
 * '../../src/components/Note.astro'` with no such file. MDX reads the file,
 * and the build then fails in the bundler with its own trace, naming the
 * import but not the paper's line. Only relative imports are looked up; a
 * package or an alias (`@/components/…`) is the bundler's to resolve.
 */

import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import type { Node } from 'unist';

/** An import of the file whose target is missing. */
export interface MissingImport {
  /** The path as written (`../../src/components/Note.astro`). */
  source: string;
  line: number | undefined;
}

interface MdxNode {
  type: string;
  children?: MdxNode[];
  position?: { start: { line: number } };
  data?: { estree?: { body?: { type: string; source?: { value?: unknown } | null; loc?: { start: { line: number } } | null }[] } | null };
}

/** The relative imports of an MDX tree, read from `directory` (the paper's folder), whose files do not exist. */
export function missingImports(root: Node, directory: string): MissingImport[] {
  const missing: MissingImport[] = [];
  const visit = (node: MdxNode) => {
    if (node.type === 'mdxjsEsm') {
      for (const statement of node.data?.estree?.body ?? []) {
        const source = statement.source?.value;
        if (typeof source !== 'string' || !/^\.\.?\//.test(source)) continue;
        if (!resolves(resolve(directory, source.replace(/[?#].*$/, '')))) missing.push({ source, line: statement.loc?.start.line ?? node.position?.start.line });
      }
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(root as MdxNode);
  return missing;
}

/** Whether an import path names a file or folder, or (written without an extension) a file with any extension. */
function resolves(path: string): boolean {
  if (existsSync(path)) return true;
  if (extname(path)) return false;
  try {
    return readdirSync(dirname(path)).some((name) => name.startsWith(`${basename(path)}.`));
  } catch {
    return false;
  }
}
