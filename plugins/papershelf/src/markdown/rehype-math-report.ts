import type { Element, Root, RootContent } from 'hast';
import { readFileSync } from 'node:fs';
import type { VFile } from 'vfile';
import { recordMathFailure } from './math-report.ts';

/**
 * Runs after rehype-katex and moves its messages into the build's math
 * report: Astro does not print vfile messages, so without this a broken
 * formula would only show as red text on one page. Each failed formula's
 * element also keeps its line and message (`data-math-line`,
 * `data-math-error`), so a page rendered in an earlier build and cached by
 * the content layer still reports it (see `mathFailuresInHtml`).
 */
export default function rehypeMathReport() {
  return (tree: Root, file: VFile): undefined => {
    const messages = file.messages.filter((message) => message.source === 'rehype-katex');
    if (messages.length === 0) return;
    const errors = katexErrors(tree);
    const offset = frontmatterLines(file);
    messages.forEach((message, index) => {
      const cause = message.cause instanceof Error ? message.cause.message : message.reason;
      const line = message.line === undefined ? undefined : message.line + offset;
      recordMathFailure({ file: file.path ?? '(unknown file)', line, message: cause });
      const element = errors[index];
      if (element) {
        element.properties['dataMathError'] = cause;
        if (line !== undefined) element.properties['dataMathLine'] = String(line);
      }
    });
  };
}

/**
 * Lines before the body when the processor saw only the body (content sync
 * renders a paper's body without its frontmatter), so reported lines are
 * lines of the file. Read only when a formula failed.
 */
function frontmatterLines(file: VFile): number {
  const seen = String(file.value ?? '');
  if (!file.path || seen.startsWith('---')) return 0;
  try {
    const source = readFileSync(file.path, 'utf8');
    const match = /^---[ \t]*\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(source);
    return match ? match[0].split('\n').length - 1 : 0;
  } catch {
    return 0;
  }
}

/** KaTeX's error elements in document order, the order of its messages. */
function katexErrors(tree: Root | Element): Element[] {
  const found: Element[] = [];
  const visit = (nodes: RootContent[]) => {
    for (const node of nodes) {
      if (node.type !== 'element') continue;
      const className = node.properties['className'];
      if (Array.isArray(className) && className.includes('katex-error')) found.push(node);
      else visit(node.children);
    }
  };
  visit(tree.children);
  return found;
}
