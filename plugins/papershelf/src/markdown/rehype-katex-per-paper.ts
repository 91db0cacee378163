import type { Root } from 'hast';
import type { KatexOptions } from 'katex';
import rehypeKatex from 'rehype-katex';
import type { VFile } from 'vfile';

/**
 * rehype-katex, with the site's macros afresh for each paper. KaTeX writes a
 * formula's `\gdef` into its options' `macros`, and rehype-katex hands every
 * formula of every file the same object: one abstract's `\gdef` reached every
 * paper rendered after it, in whatever order (and on whichever thread) they
 * were rendered. Within a paper a `\gdef` still holds for the formulas after it.
 */
export default function rehypeKatexPerPaper(options: KatexOptions = {}) {
  return (tree: Root, file: VFile): undefined => {
    rehypeKatex({ ...options, macros: { ...options.macros } })(tree, file);
  };
}
