/**
 * The components an MDX paper uses but never defines: `<Chart />` with no
 * `import Chart from '…'` in the file. MDX compiles such a file, and the
 * page then fails as it is rendered, late in the build and with Astro's
 * stack trace rather than the file's line. A paper's page passes its MDX no
 * components (`<Content />`), so a component is defined only where the file
 * imports or exports it.
 */

import type { Node } from 'unist';

/** A JSX element of the tree whose name no import or export of the file defines. */
export interface UndefinedComponent {
  /** The element's name as written (`Chart`, `charts.Bar`). */
  name: string;
  /** Its line in the parsed text. */
  line: number | undefined;
}

/** The MDX tree as remark-mdx parses it, as far as this reads it. */
interface MdxNode {
  type: string;
  name?: string | null;
  children?: MdxNode[];
  position?: { start: { line: number } };
  data?: { estree?: EsNode | null };
}

/** The ESTree nodes of an import or export, as far as this reads them. */
interface EsNode {
  type: string;
  body?: EsNode[];
  specifiers?: { local?: { name?: string } }[];
  declaration?: EsNode | null;
  declarations?: { id: EsNode }[];
  id?: EsNode | null;
  name?: string;
}

export function undefinedComponents(root: Node): UndefinedComponent[] {
  const tree = root as MdxNode;
  const defined = new Set<string>();
  let definesAll = false;
  const elements: MdxNode[] = [];
  const visit = (node: MdxNode) => {
    if (node.type === 'mdxjsEsm') {
      const names = definedNames(node.data?.estree);
      // An export MDX reads as the file's component map, or one whose names cannot be read, may define any name.
      if (!names || names.has('components')) definesAll = true;
      else for (const name of names) defined.add(name);
    }
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name && isComponentName(node.name))
      elements.push(node);
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  if (definesAll) return [];
  return elements
    .filter((element) => !defined.has(element.name!.split('.')[0]!))
    .map((element) => ({ name: element.name!, line: element.position?.start.line }));
}

/** Lower-case names are HTML's elements; a capital, or a member (`charts.Bar`), names a component. */
function isComponentName(name: string): boolean {
  return /^\p{Lu}/u.test(name) || name.includes('.');
}

/** The names an `import` or `export` block binds; none when it binds names this cannot read (a destructuring). */
function definedNames(program: EsNode | null | undefined): Set<string> | undefined {
  if (!program) return undefined;
  const names = new Set<string>();
  for (const statement of program.body ?? []) {
    if (statement.type === 'ImportDeclaration') {
      for (const specifier of statement.specifiers ?? []) if (specifier.local?.name) names.add(specifier.local.name);
      continue;
    }
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : undefined;
    if (!declaration) continue;
    if (declaration.type === 'VariableDeclaration') {
      for (const { id } of declaration.declarations ?? []) {
        if (id.type !== 'Identifier' || !id.name) return undefined;
        names.add(id.name);
      }
    } else if (declaration.id?.name) names.add(declaration.id.name);
  }
  return names;
}
