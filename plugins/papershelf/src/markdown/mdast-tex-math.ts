import type { Extension as FromMarkdownExtension, CompileContext, Token } from 'mdast-util-from-markdown';
import type { InlineMath } from 'mdast-util-math';
import './micromark-tokens.ts';

/**
 * Turns the tokens of `dollarMath` and `texDelimiters` into the `inlineMath`
 * nodes remark-math makes, so rehype-katex renders them unchanged. Display
 * math inside a paragraph keeps its place but gets the `math-display` class,
 * which makes rehype-katex render it in display mode.
 */
export function texMathFromMarkdown(): FromMarkdownExtension {
  return {
    enter: { texMathInline: enterMath, texMathDisplay: enterMath },
    exit: { texMathInline: exitMath, texMathDisplay: exitMath, texMathUnclosed: exitLiteral },
  };
}

function enterMath(this: CompileContext, token: Token): undefined {
  const mode = token.type === 'texMathDisplay' ? 'math-display' : 'math-inline';
  const node: InlineMath = {
    type: 'inlineMath',
    value: '',
    data: { hName: 'code', hProperties: { className: ['language-math', mode] }, hChildren: [] },
  };
  this.enter(node, token);
}

function exitMath(this: CompileContext, token: Token): undefined {
  const raw = this.sliceSerialize(token);
  const markerLength = raw.startsWith('\\') || raw.startsWith('$$') ? 2 : 1;
  const value = raw.slice(markerLength, -markerLength).trim();
  const node = this.stack.at(-1) as InlineMath;
  node.value = value;
  if (node.data) (node.data as { hChildren?: unknown[] }).hChildren = [{ type: 'text', value }];
  this.exit(token);
}

/**
 * An opener without a closer (`\\(` or `\\[` and no `\\)` or `\\]` in its
 * paragraph) is the text the author wrote, kept in a node of its own that
 * becomes `<span class="math-unclosed">`: the math report marks it, and
 * `check` reports it, as a formula that failed.
 */
function exitLiteral(this: CompileContext, token: Token): undefined {
  // Not a text node, so the text after it is not merged into it.
  this.enter(unclosedOpenerNode(this.sliceSerialize(token)) as unknown as InlineMath, token);
  this.exit(token);
}

/** The node of an opener without a closer: its text, in a `<span class="math-unclosed">`. */
export function unclosedOpenerNode(value: string) {
  return {
    type: unclosedOpenerType,
    value,
    data: { hName: 'span', hProperties: { className: [unclosedOpenerClass] }, hChildren: [{ type: 'text' as const, value }] },
  };
}

/** The mdast type of an unclosed opener, and the class of its element on the page. */
export const unclosedOpenerType = 'texUnclosedOpener';
export const unclosedOpenerClass = 'math-unclosed';

/** What the math report and `check` say of an unclosed opener (`\\(` or `\\[`, or a `$$` block's fence). */
export function unclosedOpenerMessage(opener: string): string {
  if (opener.startsWith('$$'))
    return `\`${opener}\` opens a formula block that is never closed, so the rest of the text would be its TeX; add a line \`$$\` where the formula ends, or write \`\\$\\$\` for the characters themselves`;
  const closer = opener.endsWith('[') ? '\\]' : '\\)';
  return `\`${opener}\` opens a formula that is never closed in its paragraph; add \`${closer}\` where the formula ends, or write \`\\${opener}\` for the characters themselves`;
}
