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

/** An opener without a closer is the text the author wrote. */
function exitLiteral(this: CompileContext, token: Token): undefined {
  this.config.enter['data']?.call(this, token);
  this.config.exit['data']?.call(this, token);
}
