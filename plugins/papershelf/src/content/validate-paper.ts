import { dirname, relative, resolve } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import type { Nodes } from 'mdast';
import { parseMarkdown } from '../markdown/parse-markdown.ts';
import remarkTexMath from '../markdown/remark-tex-math.ts';
import { missingImports } from './mdx-imports.ts';
import { unclosedOpenerMessage, unclosedOpenerType } from '../markdown/mdast-tex-math.ts';
import { splitTex } from '../markdown/tex-segments.ts';
import type { KatexMacros } from '../markdown/katex-options.ts';
import { renderTex } from '../markdown/render-tex.ts';
import { linesBeforeBody, readFrontmatter } from './read-frontmatter.ts';
import { placeholderLineIndex } from './new-paper-placeholder.ts';
import { paperFields, paperSchema, type PaperData } from './paper-schema.ts';
import { findDuplicatePapers } from './duplicate-papers.ts';
import type { Vocabulary } from '../taxonomy/compile-vocabulary.ts';
import { unknownTagMessage } from '../taxonomy/taxonomy-messages.ts';
import { closestMatches } from '../text/did-you-mean.ts';
import { firstUndecodedLine, undecodedLineFix } from '../text/undecoded-line.ts';
import { undefinedComponents } from './mdx-components.ts';

/** One problem of a paper file: what `papershelf check` prints and what stops the build, as `file:line: message`. */
export interface PaperProblem {
  /** The file, relative to the site root. */
  file: string;
  line?: number | undefined;
  message: string;
}

/** Options of `validatePaperFile`. */
export interface ValidateOptions {
  /** The vocabulary tags must come from; undefined when any tag is allowed (free tags, or no vocabulary file). */
  vocabulary?: Vocabulary | undefined;
  /** The vocabulary file as configured, for messages. */
  vocabularyFile: string;
  /** Also render every formula of title and abstract (with the site's macros). The build reports formulas in its math report instead. */
  math?: { macros: KatexMacros } | undefined;
  /** The site's root, which paper files are named from: given, an MDX paper's relative imports are looked up. */
  root?: string | undefined;
}

/** What validating a paper file found. */
export interface PaperValidation {
  problems: PaperProblem[];
  /** The frontmatter as read (dates as written), when it is valid YAML: what the collection schema parses. */
  frontmatter?: Record<string, unknown> | undefined;
  /** The parsed fields, when the file fits the schema. */
  data?: PaperData | undefined;
  /** What `check` notes without failing: a paper that builds, but not as its author will want it published. */
  notes?: PaperProblem[];
}

/**
 * File names whose pages would take the address of an archive page (`/papers/by-title/`), or of one an older
 * release wrote (`/papers/newest/`, the index newest first), so that links to it never lead to a paper instead.
 */
export const reservedSlugs = ['by-title', 'newest'];

const schema = paperSchema();
// As @astrojs/mdx reads a paper: MDX's syntax, then the site's math (`$a<b$` is a formula, not a JSX tag).
const mdx = unified().use(remarkParse).use(remarkMdx).use(remarkTexMath);
/** Fields every paper has: an empty one is filled in, never removed. */
const requiredFields = new Set(['title', 'date']);

/**
 * Validates one paper file as the build reads it: YAML, the paper schema
 * (all of its problems at once), tags against the vocabulary, a file name
 * that is an archive page's address, and, when asked, every formula. The
 * one validator of the build and of `papershelf check`.
 */
export function validatePaperFile(source: string, file: string, options: ValidateOptions): PaperValidation {
  try {
    return validatedPaperFile(source, file, options);
  } catch (error) {
    // A file no reading of Markdown here is made for (a quote nested thousands deep, which overflows the stack): said
    // as this file's problem, so the other files are still checked and the build names it.
    if (!(error instanceof RangeError)) throw error;
    return {
      problems: [
        {
          file,
          message: `could not be read (${error.message}): its Markdown nests too deep or is too large to check; simplify its body`,
        },
      ],
    };
  }
}

function validatedPaperFile(source: string, file: string, options: ValidateOptions): PaperValidation {
  const problem = (line: number | undefined, message: string): PaperProblem => ({ file, line, message });
  const problems: PaperProblem[] = [];
  const encoding = encodingProblem(source);
  if (encoding) return { problems: [problem(encoding.line, encoding.message)] };
  const frontmatter = readFrontmatter(source);
  if (!frontmatter) {
    const opened = /^\uFEFF?---[ \t]*\r?\n/.test(source);
    return {
      problems: [
        problem(
          1,
          opened
            ? 'the frontmatter opened on line 1 is never closed; end the fields with a line `---`'
            : 'has no frontmatter; start the file with `---`, the fields, and `---`',
        ),
      ],
    };
  }
  if (frontmatter.error) return { problems: [...problems, problem(frontmatter.error.line, `${frontmatter.error.valid ? '' : 'the frontmatter is not valid YAML: '}${frontmatter.error.message}${yamlHint(frontmatter.error.message, frontmatter.error.text)}`)] };
  // `arxiv:` with nothing after it, as a line of `papershelf new`'s template uncommented: YAML reads null.
  const emptyFields = Object.keys(frontmatter.data).filter((field) => frontmatter.data[field] === null && field in paperFields);
  for (const field of emptyFields)
    problems.push(problem(frontmatter.lineOf(field), `\`${field}\` is empty; fill it in${requiredFields.has(field) ? '' : ' or remove the line'}`));
  for (const found of escapedControlCharacters(frontmatter.data, source, frontmatter.lineOf))
    problems.push(problem(frontmatter.lineOf(found.field), found.message));
  const result = schema.safeParse(frontmatter.data);
  if (!result.success) {
    const hinted = new Set<string>();
    const messages = result.error.issues.map((issue) => {
      const field = String(issue.path[0] ?? '');
      const hint = misspellingHint(issue.message, field, frontmatter);
      if (hint) hinted.add(hint.typo);
      // An item of a list is counted from 1, as its author reads the list, and found on its own line.
      const item = typeof issue.path[1] === 'number' ? issue.path[1] : undefined;
      const shown = item === undefined ? `\`${issue.path.join('.')}\`` : `\`${field}\` (item ${item + 1})`;
      const line = item === undefined ? undefined : frontmatter.lineOfItem?.(field, item);
      return { field, line, text: `${shown} ${issue.message}${hint?.text ?? ''}` };
    });
    // A misspelt required field is said once, as the field that is missing (`titel` for `title`).
    for (const { field, line, text } of messages)
      if (!emptyFields.includes(field) && !hinted.has(field)) problems.push(problem(line ?? frontmatter.lineOf(field), text));
  }
  const data = result.success ? result.data : undefined;
  // Tags are checked when another field failed too, so a typo elsewhere does not hide an unknown tag until it is fixed.
  const tags = data?.tags ?? paperFields.tags.safeParse(frontmatter.data['tags']).data;
  if (tags && options.vocabulary) {
    tags.forEach((tag, index) => {
      if (options.vocabulary!.resolve(tag) !== undefined) return;
      const line = frontmatter.lineOfItem?.('tags', index) ?? frontmatter.lineOf('tags');
      problems.push(problem(line, unknownTagMessage({ tag, suggestions: options.vocabulary!.suggest(tag) }, options.vocabularyFile)));
    });
  }
  if (file.endsWith('.mdx')) problems.push(...mdxProblems(source, options.root === undefined ? undefined : { root: options.root, directory: dirname(resolve(options.root, file)) }).map((p) => problem(p.line, p.message)));
  if (options.math) problems.push(...formulaProblems(source, frontmatter.data, frontmatter.lineOf('title'), options.math.macros).map((p) => problem(p.line, p.message)));
  const placeholder = placeholderLineIndex(source, linesBeforeBody(source));
  const notes =
    placeholder < 0 || data?.draft
      ? []
      : [problem(placeholder + 1, 'the abstract is still the placeholder `papershelf new` wrote, and would be published as it is; write the abstract in its place, or import the paper to fill it in')];
  return { problems, frontmatter: frontmatter.data, data, notes };
}

/** A paper file as the archive-wide checks see it: its id (see paper-id.ts) and its `arxiv` field as written. */
export interface ArchiveFile {
  file: string;
  id: string;
  arxiv: unknown;
}

/**
 * Problems between files, and of a file's address: a file whose address is
 * reserved for the archive's pages (`/papers/by-title/`), two files that make one address
 * (`A.md` and `a.md`: the build would keep one), two files for the same arXiv
 * paper (any versions).
 */
export function archiveProblems(papers: Iterable<ArchiveFile>): PaperProblem[] {
  const list = [...papers];
  const problems: PaperProblem[] = list
    .filter((paper) => reservedSlugs.includes(paper.id))
    .map((paper) => ({ file: paper.file, message: `its address \`${paper.id}\` is reserved for the archive's pages; rename the file` }));
  const byId = new Map<string, string[]>();
  for (const paper of list) byId.set(paper.id, [...(byId.get(paper.id) ?? []), paper.file]);
  for (const [id, files] of byId) {
    if (files.length < 2) continue;
    const [first, ...others] = [...new Set(files)].sort();
    for (const file of others)
      problems.push({
        file,
        message: `makes the same address as ${first} (\`${id}\`: file names are lowercased, spaces become hyphens), so the build would keep only one of them; rename one`,
      });
  }
  for (const duplicate of findDuplicatePapers(list))
    problems.push({
      file: duplicate.files[1]!,
      message: `arXiv ${duplicate.arxiv} is also in ${duplicate.files.filter((_, i) => i !== 1).join(', ')}; keep one file per paper`,
    });
  return problems;
}

/** A problem as one line: `file:line: message`. */
export function formatProblem(problem: PaperProblem): string {
  return `${problem.file}${problem.line ? `:${problem.line}` : ''}: ${problem.message}`;
}

/** Sorts problems by file, then line, as both the build and `check` list them. */
export function sortProblems(problems: readonly PaperProblem[]): PaperProblem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}

/**
 * The way out of the YAML errors paper files run into: a backslash in double
 * quotes starts an escape (`"\(x\)"`); a title with `: ` in it or one that
 * starts with `[`, `*`, `!`, `@` or a quote it does not end with needs
 * quotes; a list in brackets or a quote left open. `text` is the line the
 * error is on, whose value says which.
 */
function yamlHint(message: string, text: string): string {
  const value = /^(?:-\s+)?(?:[\w-]+:\s*)?(.*)$/.exec(text)?.[1] ?? '';
  const quoted = (written: string) => `\`${text.replace(value, `'${written.replaceAll("'", "''")}'`)}\``;
  if (/escape sequence/i.test(message))
    return `; in double quotes a backslash starts an escape, so write the value in single quotes ('\\(x\\)') or double each backslash ("\\\\(x\\\\)")`;
  if (/ #` starts a YAML comment/.test(message)) return `; quote the value to keep the \`#\` (${quoted(value.trim())}), or put a note on a line of its own`;
  if (/alias/i.test(message) || /^[*&]/.test(value))
    return `; a value that starts with \`*\` is read as a YAML alias, and one with \`&\` as an anchor: quote it, ${quoted(value)}`;
  if (/tag/i.test(message) && value.startsWith('!'))
    return `; a value that starts with \`!\` is read as a YAML tag: quote it, ${quoted(value)}`;
  if (/reserved character/i.test(message)) return `; a value cannot start with \`@\` or a backtick unquoted: quote it, ${quoted(value)}`;
  if (/^"[^"]*"\S/.test(value) || /^'[^']*'(?!')\S/.test(value)) {
    // `"The "best" model"`: the quotes around the whole were meant as the value's own.
    const meant = value.length > 1 && value.at(-1) === value[0] ? value.slice(1, -1) : value;
    const other = value.startsWith('"') ? quoted(meant) : `\`${text.replace(value, `"${meant.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`)}\``;
    return `; a quoted value ends at its closing quote: quote the whole value in the other kind of quotes, ${other}`;
  }
  if (/nested mappings|implicit keys|mapping values/i.test(message))
    return "; a value with `: ` in it must be quoted: write it in single quotes (`title: 'Attention: A Survey'`), with any ' inside doubled (`'It''s'`)";
  if (/flow sequence.*end with a \]/i.test(message))
    return '; a list in brackets closes on its line: `authors: ["Ada Lovelace", "Alan Turing"]`';
  if (/unexpected scalar at node end|flow (?:map|sequence|collection)/i.test(message))
    return "; a value that starts with `[` or `{` is read as a list or a map: quote it (`title: '[Draft] Attention'`)";
  if (/missing closing ["']?quote/i.test(message)) return '; close the quote at the end of the value';
  return '';
}

/**
 * A file that is not UTF-8, read as UTF-8: its bytes that UTF-8 cannot read
 * became U+FFFD, and a page would show "Caf�". UTF-16 (Windows' "Unicode")
 * has a zero byte in every ASCII character.
 */
function encodingProblem(source: string): { line: number; message: string } | undefined {
  if (source.startsWith('\uFFFD\uFFFD') || source.includes('\u0000'))
    return {
      line: 1,
      message:
        'is not UTF-8 text: it is UTF-16 (what Windows calls "Unicode") or not text at all; save it as UTF-8 (in Notepad: Save as, Encoding: UTF-8)',
    };
  const line = firstUndecodedLine(source);
  if (line === undefined) return undefined;
  const text = source.split('\n')[line - 1]!.trim();
  return {
    line,
    message: `is not UTF-8: this line has a byte UTF-8 cannot read ("${text.length > 60 ? `${text.slice(0, 57)}…` : text}"), ${undecodedLineFix}`,
  };
}

/** What YAML makes of a backslash and a letter in double quotes, and the way the file wrote it. */
const yamlEscapes: Record<string, string> = {
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
  '\f': '\\f',
  '\b': '\\b',
  '\x07': '\\a',
  '\x1b': '\\e',
  '\0': '\\0',
  // YAML's own escapes, which TeX's capitals start: `\Lambda`, `\Pi`, `\Psi`, `\Phi`, `\Nu`; and `\_`.
  '\u2028': '\\L',
  '\u2029': '\\P',
  '\u0085': '\\N',
  '\u00a0': '\\_',
};

/** Whether a character is a control character (U+0000–U+001F, U+007F): never part of a title or a name. */
function isControl(c: string): boolean {
  const code = c.charCodeAt(0);
  return code < 0x20 || code === 0x7f;
}

/**
 * Text fields that hold a control character, which a file writes only as a
 * TeX command in double quotes: YAML reads `"$\nabla f$"` as a line break
 * and `abla f`, `\theta` as a tab and `heta`, `\vec` as a vertical tab.
 * Nothing else would notice: the title shows `$⏎abla f$`, and so do the
 * citations. A line break is one only in a double-quoted value (`lineOf`
 * finds the field's line): a block (`summary: |`) has them as written.
 */
function escapedControlCharacters(
  data: Record<string, unknown>,
  source: string,
  lineOf: (field: string) => number | undefined,
): { field: string; message: string }[] {
  const lines = source.split(/\r?\n/);
  const found: { field: string; message: string }[] = [];
  for (const [field, value] of Object.entries(data)) {
    const texts = typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
    const line = lineOf(field);
    const doubleQuoted = line !== undefined && /^[^:]+:\s*"/.test(lines[line - 1] ?? '');
    // A line break counts only in double quotes; anywhere else it is the value's own (a block, `summary: |`). A
    // no-break space is a title's own unless the file writes `\_` for it.
    const escaped = (c: string) =>
      isControl(c) || c === '\u2028' || c === '\u2029' || c === '\u0085' || (c === '\u00a0' && /\\_/.test(lines[(line ?? 0) - 1] ?? ''));
    const counts = (c: string) => escaped(c) && (doubleQuoted || c !== '\n');
    const text = texts.find((t) => [...t].some(counts));
    if (text === undefined) continue;
    const index = [...text].findIndex(counts);
    const character = [...text][index]!;
    const written = yamlEscapes[character] ?? `\\x${character.charCodeAt(0).toString(16).padStart(2, '0')}`;
    const shown = [...text]
      .slice(Math.max(0, index - 20), index + 20)
      .map((c) => (escaped(c) ? '�' : c))
      .join('');
    found.push({
      field,
      message: `\`${field}\` holds ${character.charCodeAt(0) < 0x80 ? 'a control character' : `U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`} where the file has \`${written}\` in double quotes ("…${shown}…"): in double quotes YAML reads a backslash as an escape, so TeX such as \`\\nabla\`, \`\\theta\` or \`\\Lambda\` is lost; write the value in single quotes ('$\\nabla f$') or double each backslash ("$\\\\nabla f$")`,
    });
  }
  return found;
}

/** A missing field next to a field the schema does not know: zod reports the missing one, so name the likely typo. */
function misspellingHint(
  message: string,
  field: string,
  frontmatter: { data: Record<string, unknown>; lineOf: (field: string) => number | undefined },
): { typo: string; text: string } | undefined {
  if (!message.startsWith('is missing')) return undefined;
  const typo = closestMatches(field, Object.keys(frontmatter.data).filter((f) => !(f in paperFields)), 1)[0];
  if (!typo) return undefined;
  const line = frontmatter.lineOf(typo);
  return { typo, text: ` (\`${typo}\`${line ? ` on line ${line}` : ''} looks like a misspelling of it)` };
}

/**
 * An MDX file's syntax, read as MDX reads it: a broken JSX tag or `{…}`
 * expression stopped the build in the bundler with a stack trace, naming
 * only the first such file. Then the components it uses and never imports,
 * which failed the page as it was rendered (see mdx-components.ts). Only the
 * body: the frontmatter is YAML.
 */
function mdxProblems(source: string, place: { root: string; directory: string } | undefined): { line: number | undefined; message: string }[] {
  const bodyStart = linesBeforeBody(source);
  try {
    const tree = mdx.parse(source.split('\n').slice(bodyStart).join('\n'));
    const inFile = (line: number | undefined) => (line === undefined ? undefined : line + bodyStart);
    const imports = (place === undefined ? [] : missingImports(tree, place.directory)).map(({ source: path, line }) => ({
      line: inFile(line),
      message: `imports \`${path}\`, and there is no \`${relative(place!.root, resolve(place!.directory, path))}\`, so the build would stop; fix the path (it goes from the paper's own folder) or add the file`,
    }));
    const components = undefinedComponents(tree).map(({ name, line }) => ({
      line: inFile(line),
      message: `\`<${name}>\` is a component this file never imports, so its page would fail to render; import it before it is used (\`import ${name.split('.')[0]} from '…'\`), or write \`\\<${name}>\` for the text itself`,
    }));
    return [...imports, ...components];
  } catch (error) {
    // micromark's messages (VFileMessage) say where: anything else is a fault of ours, not the file's.
    if (!isFileMessage(error)) throw error;
    const line = error.line === undefined ? undefined : error.line + bodyStart;
    return [
      {
        line,
        message: `MDX cannot read this: ${error.reason}; close the JSX tag or \`{…}\` expression, or write a literal < or { as \\< or \\{`,
      },
    ];
  }
}

function isFileMessage(error: unknown): error is { reason: string; line?: number | undefined } {
  return error instanceof Error && typeof (error as { reason?: unknown }).reason === 'string';
}

function formulaProblems(source: string, data: Record<string, unknown>, titleLine: number | undefined, macros: KatexMacros): { line: number | undefined; message: string }[] {
  const found: { line: number | undefined; message: string }[] = [];
  const title = typeof data['title'] === 'string' ? data['title'] : '';
  for (const segment of splitTex(title)) {
    // A `\(` or `\[` left in the title's text opens a formula it never closes (`\\(` is the characters themselves).
    const opener = segment.type === 'text' ? /(?<!\\)(?:\\\\)*(\\[([])/.exec(segment.value)?.[1] : undefined;
    if (opener) found.push({ line: titleLine, message: `${unclosedOpenerMessage(opener).replace(' in its paragraph', ' in the title')}` });
    if (segment.type !== 'math') continue;
    const error = katexError(segment.value, false, macros);
    if (error) found.push({ line: titleLine, message: `formula \`${segment.raw}\` in the title: ${error}` });
  }
  const bodyStart = linesBeforeBody(source);
  const tree = parseMarkdown(source.split('\n').slice(bodyStart).join('\n'));
  // As in the build, a formula's \gdef holds for the paper's formulas after it.
  const paperMacros = { ...macros };
  visitUnclosedOpeners(tree, (node) =>
    found.push({ line: (node.position?.start.line ?? 1) + bodyStart, message: unclosedOpenerMessage(node.value) }),
  );
  visitMath(tree, (node, display) => {
    const error = katexError(node.value, display, paperMacros, true);
    if (error) found.push({ line: (node.position?.start.line ?? 1) + bodyStart, message: `formula \`${node.value}\`: ${error}` });
  });
  return found;
}

function visitMath(node: Nodes, found: (node: { value: string; position?: { start: { line: number } } | undefined }, display: boolean) => void): void {
  if (node.type === 'math') found(node, true);
  // `\[…\]` and `$$…$$` inside a paragraph: rendered in display mode, as their class tells rehype-katex.
  if (node.type === 'inlineMath') found(node, hasDisplayClass(node.data));
  if ('children' in node) for (const child of node.children) visitMath(child, found);
}

function visitUnclosedOpeners(node: Nodes, found: (node: { value: string; position?: { start: { line: number } } | undefined }) => void): void {
  if ((node.type as string) === unclosedOpenerType) found(node as unknown as { value: string });
  if ('children' in node) for (const child of node.children) visitUnclosedOpeners(child, found);
}

function hasDisplayClass(data: unknown): boolean {
  const className = (data as { hProperties?: { className?: unknown } } | undefined)?.hProperties?.className;
  return Array.isArray(className) && className.includes('math-display');
}

function katexError(tex: string, displayMode: boolean, macros: KatexMacros, shareMacros = false): string | undefined {
  const rendered = renderTex(tex, { macros, displayMode, shareMacros });
  return rendered.ok ? undefined : rendered.message;
}
