import type { Element, ElementContent } from 'hast';

/** The text of a hast node and everything in it. */
export function textOf(node: Element | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return '';
  return node.children.map(textOf).join('');
}

/** The TeX source KaTeX keeps in a formula's MathML `<annotation>`, or undefined when there is none. */
export function texOfFormula(element: Element): string | undefined {
  if (element.tagName === 'annotation') return textOf(element);
  for (const child of element.children) {
    if (child.type !== 'element') continue;
    const found = texOfFormula(child);
    if (found !== undefined) return found;
  }
  return undefined;
}
