import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import remarkTexMath from './remark-tex-math.ts';
import rehypeMathReport from './rehype-math-report.ts';
import rehypeSearchableMath from './searchable-math.ts';
import rehypeKatexPerPaper from './rehype-katex-per-paper.ts';
import { katexOptions, type KatexMacros } from './katex-options.ts';

/** What the Markdown pipeline needs to know from the integration's options. */
export interface MarkdownPipelineOptions {
  macros?: KatexMacros | undefined;
  /** The site's root folder, which failed formulas' marks name their files from. */
  root?: string | undefined;
}

/**
 * Our plugins carry their name under a global symbol: the content config can
 * load a second copy of this package's modules (Vite bundles it), whose
 * functions are not the ones the site's config holds. The content worker
 * (worker-render.ts) tells our plugins by it.
 */
export const pluginBrand = Symbol.for('astro-papershelf.markdown-plugin');
for (const [name, plugin] of Object.entries({ remarkTexMath, rehypeKatexPerPaper, rehypeMathReport, rehypeSearchableMath }))
  Object.defineProperty(plugin, pluginBrand, { value: name });

/** remark plugins, in order: math syntax first, so nothing else reads `$` or `\(`. */
export function papershelfRemarkPlugins(): RemarkPlugins {
  return [remarkTexMath];
}

/** rehype plugins, in order: KaTeX renders (with the site's macros afresh for each paper), failed formulas are marked from KaTeX's messages, and formulas get their search text. */
export function papershelfRehypePlugins(options: MarkdownPipelineOptions = {}): RehypePlugins {
  return [[rehypeKatexPerPaper, katexOptions(options.macros)], [rehypeMathReport, { root: options.root }], rehypeSearchableMath];
}
