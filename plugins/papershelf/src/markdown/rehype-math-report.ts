import type { Element, Root } from 'hast';
import { readFileSync } from 'node:fs';
import type { VFile } from 'vfile';
import { markSource, mathMarkProperties } from './math-marks.ts';
import { linesBeforeBody } from '../content/read-frontmatter.ts';
import { texOfFormula, textOf } from './hast-text.ts';
import { unclosedOpenerClass, unclosedOpenerMessage } from './mdast-tex-math.ts';

/** Options of `rehypeMathReport`. */
export interface MathReportOptions {
  /** The site's root folder: marks name files relative to it. Default: where the process runs. */
  root?: string | undefined;
}

/**
 * Runs after rehype-katex and marks every formula it could not render with
 * KaTeX's message and the formula's `file:line` (see `math-marks.ts`):
 * Astro prints no vfile messages, so the marks on the page are what the
 * build's math report reads. That covers both kinds of failure: a parse
 * error, which KaTeX shows as `.katex-error`, and an undefined command such
 * as `\softmx`, which KaTeX renders with the command in red. Each message is
 * matched to its formula by place and TeX source, never by order.
 */
export default function rehypeMathReport(options: MathReportOptions = {}) {
  return (tree: Root, file: VFile): undefined => {
    const messages = file.messages.filter((message) => message.source === 'rehype-katex');
    const unclosed = unclosedOpeners(tree);
    if (messages.length === 0 && unclosed.length === 0) return;
    const offset = frontmatterLines(file);
    const path = sourcePath(file, options.root ?? file.cwd);
    for (const opener of unclosed) {
      const at = opener.position?.start.line;
      const line = at === undefined || offset === undefined ? undefined : at + offset;
      Object.assign(
        opener.properties,
        mathMarkProperties({ message: unclosedOpenerMessage(textOf(opener)), source: markSource(path, line) }),
      );
    }
    const marked = new Set<Element>();
    for (const message of messages) {
      const reason = message.cause instanceof Error ? message.cause.message : message.reason;
      const at = message.line ?? lineOfAncestors(message.ancestors ?? []);
      const line = at === undefined || offset === undefined ? undefined : at + offset;
      const formula = renderedFormula(message.ancestors ?? [], marked) ?? undefined;
      if (!formula) {
        // The formula's output cannot be found (another plugin moved it): still report it, on the page's first element.
        const first = tree.children.find((node): node is Element => node.type === 'element');
        if (first) Object.assign(first.properties, mathMarkProperties({ message: reason, source: markSource(path, line) }));
        continue;
      }
      Object.assign(formula.properties, mathMarkProperties({ message: reason, source: markSource(path, line) }));
      marked.add(formula);
    }
  };
}

/** The elements of openers without a closer (see mdast-tex-math.ts), in page order. */
function unclosedOpeners(node: Root | Element, found: Element[] = []): Element[] {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    const className = child.properties['className'];
    if (Array.isArray(className) && className.includes(unclosedOpenerClass)) found.push(child);
    else unclosedOpeners(child, found);
  }
  return found;
}

/**
 * What rehype-katex put where the failed formula was: the unmarked KaTeX
 * output (or error span) among the formula's siblings whose TeX is the
 * formula's own. rehype-katex names the formula and its ancestors in the message.
 */
function renderedFormula(ancestors: readonly unknown[], marked: ReadonlySet<Element>): Element | undefined {
  const nodes = ancestors as (Root | Element)[];
  const source = nodes.at(-1);
  if (!source || source.type !== 'element') return undefined;
  // ```math blocks are replaced whole, <pre> and all.
  const replacedPre = nodes.at(-2)?.type === 'element' && (nodes.at(-2) as Element).tagName === 'pre';
  const parent = nodes.at(replacedPre ? -3 : -2);
  if (!parent) return undefined;
  const tex = textOf(source);
  const children: readonly (Root | Element)['children'][number][] = parent.children;
  for (const child of children) {
    if (child.type === 'element' && !marked.has(child) && isFormulaOutput(child) && (texOfFormula(child) ?? textOf(child)) === tex)
      return child;
  }
  return undefined;
}

/** The line of the nearest ancestor that has one (display math's `<code>` has none, its `<pre>` has). */
function lineOfAncestors(ancestors: readonly unknown[]): number | undefined {
  for (const node of [...(ancestors as { position?: { start: { line: number } } }[])].reverse())
    if (node.position) return node.position.start.line;
  return undefined;
}

function isFormulaOutput(element: Element): boolean {
  const className = element.properties['className'];
  return (
    Array.isArray(className) && (className.includes('katex') || className.includes('katex-display') || className.includes('katex-error'))
  );
}

/** The file as the report names it: relative to the site's root, so no machine's folders reach the page. */
function sourcePath(file: VFile, root: string): string {
  if (!file.path) return '(unknown file)';
  const folder = root.endsWith('/') ? root : `${root}/`;
  return file.path.startsWith(folder) ? file.path.slice(folder.length) : file.path;
}

/**
 * Lines before the body when the processor saw only the body (content sync
 * renders a paper's body without its frontmatter), so reported lines are
 * lines of the file; undefined when that cannot be known (then no line is
 * better than a wrong one). Read only when a formula failed.
 */
function frontmatterLines(file: VFile): number | undefined {
  const seen = String(file.value ?? '');
  if (!file.path || seen.startsWith('---')) return 0;
  let source: string;
  try {
    source = readFileSync(file.path, 'utf8');
  } catch {
    return undefined;
  }
  return linesBeforeBody(source);
}
