import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Root } from 'mdast';
import remarkTexMath from './remark-tex-math.ts';

const markdown = unified().use(remarkParse).use(remarkTexMath);

/**
 * A paper body's Markdown syntax tree as the site reads it, with its
 * formulas in every delimiter the site renders (`$…$`, `\(…\)`, `\[…\]`)
 * as math nodes. The one parser of the validator and of abstracts' text,
 * so both read a body as its page does.
 */
export function parseMarkdown(body: string): Root {
  return markdown.runSync(markdown.parse(body), body) as Root;
}
