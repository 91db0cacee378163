import { parseDocument, isMap, isScalar, isSeq, LineCounter, type Document } from 'yaml';

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
  error?: { line: number; message: string };
}

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
  const firstError = document.errors[0];
  if (firstError) {
    return { data: {}, lineOf: () => undefined, error: { line: lineOfOffset(firstError.pos[0]), message: firstError.message.split('\n')[0] ?? '' } };
  }
  const data = document.toJS() ?? {};
  keepNumbersAsWritten(document, data);
  return {
    data: typeof data === 'object' && !Array.isArray(data) ? data : {},
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
