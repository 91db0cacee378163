import { stringify } from 'yaml';
import type { ImportedPaper } from './imported-paper.ts';
import { textToMarkdown } from './text-to-markdown.ts';

/** The frontmatter fields an import writes, in the order it writes them. */
export const paperFileFields = [
  'title',
  'authors',
  'organization',
  'date',
  'published',
  'withdrawn',
  'arxiv',
  'category',
  'doi',
  'venue',
  'journalRef',
  'comment',
  'summary',
  'url',
  'pdf',
  'code',
  'projectPage',
  'tags',
  'upvotes',
  'rank',
] as const;

/** How an import writes YAML: one line a value, plain scalars where YAML allows them. */
export const yamlWriteOptions = {
  lineWidth: 0,
  flowCollectionPadding: false,
  defaultStringType: 'PLAIN',
  defaultKeyType: 'PLAIN',
} as const;

/** The fields a record gives, in file order; empty lists are left out. */
export function paperFileData(paper: ImportedPaper): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const field of paperFileFields) {
    const value = paper[field];
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    data[field] = value;
  }
  return data;
}

/**
 * The Markdown file of an imported paper: YAML frontmatter in a fixed field
 * order (so a re-import produces the same bytes) and the abstract, escaped
 * so it renders as the text it was.
 */
export function paperFileContent(paper: ImportedPaper): string {
  return `---\n${stringify(paperFileData(paper), yamlWriteOptions)}---\n${paperFileBody(paper)}`;
}

/** The body of an imported paper's file: its abstract as Markdown. */
export function paperFileBody(paper: ImportedPaper): string {
  return `${textToMarkdown(paper.abstract)}\n`;
}
