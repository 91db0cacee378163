import type { Processor } from 'unified';
import { math } from 'micromark-extension-math';
import { mathFromMarkdown, mathToMarkdown } from 'mdast-util-math';
import { code } from './micromark-tokens.ts';
import { dollarMath } from './micromark-dollar-math.ts';
import { texDelimiters } from './micromark-tex-delimiters.ts';
import { texMathFromMarkdown, unclosedOpenerType } from './mdast-tex-math.ts';
import { reopenUnclosedMathFences } from './unclosed-math-fence.ts';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';

/**
 * Math as authors write it: remark-math's `$$` blocks, plus in text Pandoc's
 * `$…$`/`$$…$$` and LaTeX's `\(…\)`/`\[…\]`. Used instead of remark-math,
 * whose own `$` reads prices as math; the nodes are remark-math's.
 */
export default function remarkTexMath(this: Processor): (tree: Root, file: VFile) => undefined {
  // The extension lists remark-parse and remark-stringify read (their types augment unified's `Data`).
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[]; toMarkdownExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push({
    flow: math().flow ?? {},
    text: { [code.dollar]: dollarMath, [code.backslash]: texDelimiters },
  });
  (data.fromMarkdownExtensions ??= []).push(mathFromMarkdown(), texMathFromMarkdown());
  // An unclosed opener is written back as the author wrote it.
  const unclosed = { handlers: { [unclosedOpenerType]: (node: { value: string }) => node.value } };
  (data.toMarkdownExtensions ??= []).push(mathToMarkdown(), unclosed);
  return (tree, file) => {
    // The lines after a `$$` that is never closed are read again as Markdown, with this processor's syntax.
    reopenUnclosedMathFences(tree, String(file.value ?? ''), (markdown) => this.parse(markdown) as Root);
  };
}
