import { parseDocument, isMap, isScalar, isSeq, visit, LineCounter, Scalar, type Document } from 'yaml';

/**
 * Fields that are text even when they look like numbers: `arxiv: 2006.04760`
 * must not become the number 2006.0476, nor `title: 1984` a number.
 */
const textFields = new Set(['title', 'arxiv', 'doi', 'category', 'venue', 'journalRef', 'comment']);

/** Lists whose items are text even when they look like numbers: `tags: [3D, 2025]`. */
const textListFields = new Set(['tags', 'authors']);

/** A file's frontmatter as data, with a way to find each field's line. */
export interface Frontmatter {
  data: Record<string, unknown>;
  /** 1-based line in the file of a top-level field, when present. */
  lineOf: (field: string) => number | undefined;
  /** 1-based line of one item of a list field, else the field's line. */
  lineOfItem?: (field: string, index: number) => number | undefined;
  /** The first reason the frontmatter cannot be read as the build reads it, with the text of its line. */
  error?: { line: number; message: string; text: string; valid?: boolean };
}

/**
 * Fields whose value YAML ends at ` #` (a comment) with no sign: `title: Attention #1 is all` reads "Attention".
 * Only the title: a note after a venue or a date (`date: 2025-08-27  # added`) is what a comment is for.
 */
const commentCutFields = new Set(['title']);

/** YAML aliases a frontmatter may use before it is refused: a paper file has no need of them, and many are a "billion laughs". */
const maxAliasCount = 50;

/**
 * The frontmatter block at the start of a file: `---`, the YAML (group 1), `---`. The one definition of where it ends.
 * A byte order mark before it (some Windows editors write one) is allowed, as Astro's own reader allows it.
 */
const frontmatterBlock = /^\uFEFF?---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;

/** How many lines of a file come before its body: the frontmatter block's, or 0 without one. */
export function linesBeforeBody(source: string): number {
  const match = frontmatterBlock.exec(source);
  return match ? match[0].split('\n').length - 1 : 0;
}

/**
 * Reads the YAML frontmatter of a Markdown file with the YAML 1.2 core
 * schema: dates stay the strings the author wrote, so an impossible day is
 * caught by the schema rather than rolled over by a Date constructor.
 */
export function readFrontmatter(source: string): Frontmatter | undefined {
  const match = frontmatterBlock.exec(source);
  if (!match) return undefined;
  const lineCounter = new LineCounter();
  const document = parseDocument(match[1] ?? '', { lineCounter, schema: 'core', uniqueKeys: true, prettyErrors: false });
  const lineOfOffset = (offset: number) => lineCounter.linePos(offset).line + 1; // +1 for the opening `---`
  const lines = (match[1] ?? '').split('\n');
  // `valid`: the YAML is valid, but does not say what its author meant.
  const failed = (offset: number, message: string, valid = false): Frontmatter => {
    const line = lineOfOffset(offset);
    return { data: {}, lineOf: () => undefined, error: { line, message, text: lines[line - 2]?.trim() ?? '', valid } };
  };
  const firstError = document.errors[0];
  if (firstError) {
    const message = firstError.message.split('\n')[0] ?? '';
    // YAML finds a quote left open where the frontmatter ends; its author looks for the line it opens on.
    const opened = /missing closing ["']?quote/i.test(message) ? unclosedQuoteLine(lines) : undefined;
    if (opened !== undefined) {
      const line = opened + 2; // +1 for the opening `---`, +1 as lines count from 1
      return { data: {}, lineOf: () => undefined, error: { line, message, text: lines[opened]!.trim() } };
    }
    return failed(firstError.pos[0], message);
  }
  // A warning is a value the YAML library guessed at (an unknown tag such as `!Important`); the build's own YAML
  // reader refuses it, so it is refused here too rather than read as something the author did not write.
  const firstWarning = document.warnings[0];
  if (firstWarning) return failed(firstWarning.pos[0], firstWarning.message.split('\n')[0] ?? '');
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount }) ?? {};
  } catch (error) {
    // An alias (`*Attention*`) whose anchor is never set, or too many of them: thrown only when the data is made.
    return failed(firstAliasOffset(document), error instanceof Error ? error.message.split('\n')[0]! : String(error));
  }
  const cut = commentCutField(document, match[1] ?? '');
  if (cut)
    return failed(
      cut.offset,
      `\`${cut.field}\` ends where \` #\` starts a YAML comment, so "${cut.comment}" is left out of it`,
      true,
    );
  const fields = typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  keepNumbersAsWritten(document, fields);
  return {
    data: fields,
    lineOf(field) {
      const range = fieldPair(document, field)?.key.range;
      return range ? lineOfOffset(range[0]) : undefined;
    },
    lineOfItem(field, index) {
      const pair = fieldPair(document, field);
      const item = pair && isSeq(pair.value) ? pair.value.items[index] : undefined;
      const range = (isScalar(item) ? item.range : undefined) ?? pair?.key.range;
      return range ? lineOfOffset(range[0]) : undefined;
    },
  };
}

function keepNumbersAsWritten(document: Document, data: Record<string, unknown>): void {
  if (!isMap(document.contents)) return;
  for (const pair of document.contents.items) {
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    const list = data[key];
    if (textListFields.has(key) && isSeq(pair.value) && Array.isArray(list)) {
      pair.value.items.forEach((item, i) => {
        if (isScalar(item) && typeof item.value === 'number' && item.source !== undefined) list[i] = item.source;
      });
    }
    if (!isScalar(pair.value)) continue;
    if (textFields.has(key) && typeof pair.value.value === 'number' && pair.value.source !== undefined) data[key] = pair.value.source;
  }
}

function fieldPair(document: Document, field: string) {
  if (!isMap(document.contents)) return undefined;
  const pair = document.contents.items.find((item) => isScalar(item.key) && item.key.value === field);
  return pair && isScalar(pair.key) ? { key: pair.key, value: pair.value } : undefined;
}

/** Where the first alias (`*name`) of a document starts, else its start. */
function firstAliasOffset(document: Document): number {
  let offset: number | undefined;
  visit(document, {
    Alias(_, node) {
      offset = node.range?.[0];
      return visit.BREAK;
    },
  });
  return offset ?? 0;
}

/** A free-text field written plain whose line goes on after it as a comment: the text after ` #` was meant as part of it. */
function commentCutField(document: Document, yaml: string): { field: string; offset: number; comment: string } | undefined {
  if (!isMap(document.contents)) return undefined;
  for (const pair of document.contents.items) {
    if (!isScalar(pair.key) || !isScalar(pair.value)) continue;
    const field = String(pair.key.value);
    const value = pair.value;
    if (!commentCutFields.has(field) || value.type !== Scalar.PLAIN || !value.comment) continue;
    // A comment on the value's own line (`title: A #1`), not one on a line of its own after it.
    const end = value.range?.[1] ?? 0;
    if (/^[ \t]+#/.test(yaml.slice(end))) return { field, offset: end, comment: `#${value.comment}` };
  }
  return undefined;
}

/** The first line (0-based) whose value opens a quote it does not close, as YAML reads quotes: `title: "Base`. */
function unclosedQuoteLine(lines: readonly string[]): number | undefined {
  const index = lines.findIndex((line) => {
    const opened = /^\s*(?:-\s+)?(?:[^\s:#][^:#]*:\s+)?(["'])(.*)$/.exec(line);
    if (!opened) return false;
    const [, quote, rest] = opened;
    // In double quotes a backslash escapes the next character; in single quotes '' is a quote.
    const closes = quote === '"' ? /^(?:[^"\\]|\\.)*"/.test(rest!) : /^(?:[^']|'')*'(?!')/.test(rest!);
    return !closes;
  });
  return index < 0 ? undefined : index;
}
