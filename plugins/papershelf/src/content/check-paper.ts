import katex from 'katex';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Root, Nodes } from 'mdast';
import remarkTexMath from '../markdown/remark-tex-math.ts';
import { splitTex } from '../markdown/tex-segments.ts';
import { katexOptions, type KatexMacros } from '../markdown/katex-options.ts';
import { readFrontmatter } from './read-frontmatter.ts';
import { paperSchema } from './paper-schema.ts';
import type { Vocabulary } from '../taxonomy/compile-vocabulary.ts';
import { unknownTagMessage } from '../taxonomy/taxonomy-messages.ts';

/** One problem of a paper file, at a line when known. */
export interface FileProblem {
  line: number | undefined;
  message: string;
}

/** What checking a paper file found: its problems and, when it parsed, its arXiv id (for duplicates). */
export interface PaperCheck {
  problems: FileProblem[];
  arxiv?: string | undefined;
}

const schema = paperSchema();
const markdown = unified().use(remarkParse).use(remarkTexMath);

/**
 * Checks one paper file as the build would, without building: YAML,
 * the paper schema, tags against the vocabulary (unless free tags), and
 * every formula of title and abstract through KaTeX.
 */
export function checkPaper(source: string, options: { vocabulary?: Vocabulary | undefined; vocabularyFile: string; macros?: KatexMacros }): PaperCheck {
  const frontmatter = readFrontmatter(source);
  if (!frontmatter) return { problems: [{ line: 1, message: 'has no frontmatter; start the file with `---`, the fields, and `---`' }] };
  if (frontmatter.error) return { problems: [{ line: frontmatter.error.line, message: `the frontmatter is not valid YAML: ${frontmatter.error.message}` }] };
  const problems: FileProblem[] = [];
  const result = schema.safeParse(frontmatter.data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? '');
      problems.push({ line: frontmatter.lineOf(field), message: `\`${issue.path.join('.')}\` ${issue.message}` });
    }
  }
  const data = result.success ? result.data : undefined;
  if (data && options.vocabulary) {
    data.tags.forEach((tag, index) => {
      if (options.vocabulary!.resolve(tag) === undefined) {
        problems.push({ line: frontmatter.lineOfItem?.('tags', index), message: unknownTagMessage({ tag, suggestions: options.vocabulary!.suggest(tag) }, options.vocabularyFile) });
      }
    });
  }
  const title = typeof frontmatter.data['title'] === 'string' ? frontmatter.data['title'] : '';
  for (const segment of splitTex(title)) {
    if (segment.type === 'math') {
      const error = katexError(segment.value, false, options.macros);
      if (error) problems.push({ line: frontmatter.lineOf('title'), message: `formula \`${segment.raw}\` in the title: ${error}` });
    }
  }
  const bodyStart = source.split('\n').findIndex((line, i) => i > 0 && /^---\s*$/.test(line)) + 1;
  const tree = markdown.runSync(markdown.parse(source.split('\n').slice(bodyStart).join('\n'))) as Root;
  visitMath(tree, (node, display) => {
    const error = katexError(node.value, display, options.macros);
    if (error) problems.push({ line: (node.position?.start.line ?? 1) + bodyStart, message: `formula \`${node.value}\`: ${error}` });
  });
  return { problems, arxiv: data?.arxiv };
}

function visitMath(node: Nodes, found: (node: { value: string; position?: { start: { line: number } } | undefined }, display: boolean) => void): void {
  if (node.type === 'math' || node.type === 'inlineMath') found(node, node.type === 'math');
  if ('children' in node) for (const child of node.children) visitMath(child, found);
}

function katexError(tex: string, displayMode: boolean, macros: KatexMacros = {}): string | undefined {
  try {
    katex.renderToString(tex, { ...katexOptions(macros), displayMode, throwOnError: true });
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

