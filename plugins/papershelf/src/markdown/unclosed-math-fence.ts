// A `$$` block with no closing `$$` runs, as a code fence does, to the end of the document: the rest of an abstract
// would render as one formula, letters in italics, and KaTeX would find nothing wrong with it.
import type { Nodes, Parent, Root, RootContent } from 'mdast';
import { unclosedOpenerNode } from './mdast-tex-math.ts';

/**
 * Gives back the Markdown of each `$$` block that is never closed (its last
 * line is not a fence of `$`s): the opening fence as an unclosed opener,
 * which the math report and `check` report, and the lines after it read
 * again as the paragraphs they are, with their own line numbers.
 */
export function reopenUnclosedMathFences(tree: Root, source: string, parse: (markdown: string) => Root): void {
  visitParents(tree, (parent) => {
    parent.children = parent.children.flatMap((node): RootContent[] => {
      if (node.type !== 'math' || isClosed(node, source)) return [node];
      const start = node.position?.start;
      const fence = source
        .slice(start?.offset ?? 0)
        .split('\n', 1)[0]!
        .trim();
      const rest = parse(node.value);
      reopenUnclosedMathFences(rest, node.value, parse);
      // The block's value starts on the line after its fence.
      shiftLines(rest, start?.line ?? 1);
      const opener = {
        type: 'paragraph',
        children: [{ ...unclosedOpenerNode(fence), position: node.position }],
        position: node.position,
      } as RootContent;
      return [opener, ...rest.children];
    });
  });
}

/** Whether a `$$` block ends in a closing fence: its source's last line is `$$` (or more `$`s) alone. */
function isClosed(node: Nodes, source: string): boolean {
  const { start, end } = node.position ?? {};
  if (start?.offset === undefined || end?.offset === undefined || !source) return true;
  const lines = source.slice(start.offset, end.offset).split('\n');
  return lines.length > 1 && /^\s*\${2,}\s*$/.test(lines.at(-1)!);
}

function visitParents(node: Nodes, visit: (parent: Parent) => void): void {
  if (!('children' in node)) return;
  visit(node);
  for (const child of node.children) visitParents(child, visit);
}

/** Moves a reparsed tree's positions down by `lines`, to where its text is in the file. */
function shiftLines(node: Nodes, lines: number): void {
  if (node.position) {
    node.position.start.line += lines;
    node.position.end.line += lines;
    delete node.position.start.offset;
    delete node.position.end.offset;
  }
  if ('children' in node) for (const child of node.children) shiftLines(child, lines);
}
