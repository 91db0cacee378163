import { sep } from 'node:path';
import { slug } from 'github-slugger';

/**
 * The id, and so the address, Astro's glob loader gives a paper file: each
 * folder and the file name (without `.md`/`.mdx`) slugged as GitHub slugs
 * headings, lowercase with spaces as hyphens (`My Paper.md` → `my-paper`).
 * The same rule as the loader's, so `check` finds the files that would take
 * one address, where the build would keep one of them and drop the other.
 */
export function paperIdOf(pathInPapersFolder: string): string {
  return pathInPapersFolder
    .replace(/\.(md|mdx)$/, '')
    .split(sep)
    .join('/')
    .split('/')
    .map((part) => slug(part))
    .join('/')
    .replace(/\/index$/, '');
}
