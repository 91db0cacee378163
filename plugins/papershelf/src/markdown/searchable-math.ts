import type { Element, ElementContent, Root, RootContent } from 'hast';
import { escapeHtml } from './escape-html.ts';
import { texOfFormula } from './hast-text.ts';
import { readableTex } from '../text/readable-tex.ts';

/**
 * Makes each KaTeX formula index once, as readable text: the rendered
 * formula (visual HTML plus MathML, which would reach a search index as
 * glyph soup like `7×7\times7×`) is marked `data-pagefind-ignore="all"`,
 * and a `hidden` copy of it as text follows (`7×`, `O(n²)`: see
 * readable-tex.ts), which search results show; its TeX source would make
 * `time` find every `\times`. `hidden` keeps the copy out of sight and out
 * of the accessibility tree (screen readers keep KaTeX's MathML), while
 * Pagefind still reads it. Formulas are searched by their keys (formula-words.ts).
 */
export default function rehypeSearchableMath() {
  return (tree: Root): undefined => {
    visit(tree);
  };
}

/** The same for KaTeX's HTML string (titles and snippets rendered outside Markdown). */
export function searchableMathHtml(katexHtml: string, tex: string): string {
  return `${katexHtml.replace(/^<span class="katex"/, '<span class="katex" data-pagefind-ignore="all"')}${searchTextHtml(tex)}`;
}

/** The hidden copy that the search index reads in place of a formula. */
export function searchTextHtml(tex: string): string {
  return `<span class="math-search-text" hidden>${escapeHtml(readableTex(tex))}</span>`;
}

function visit(parent: Root | Element): void {
  const children: (RootContent | ElementContent)[] = parent.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type !== 'element') continue;
    if (hasClass(child, 'katex')) {
      child.properties['dataPagefindIgnore'] = 'all';
      const tex = texOfFormula(child);
      if (tex !== undefined) {
        children.splice(i + 1, 0, {
          type: 'element',
          tagName: 'span',
          properties: { className: ['math-search-text'], hidden: true },
          children: [{ type: 'text', value: readableTex(tex) }],
        });
        i++;
      }
      continue;
    }
    visit(child);
  }
}

function hasClass(element: Element, name: string): boolean {
  const className = element.properties['className'];
  return Array.isArray(className) && className.includes(name);
}
