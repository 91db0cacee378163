import { isMap, isScalar, isSeq, LineCounter, parseDocument, type YAMLMap } from 'yaml';
import { z } from 'astro/zod';
import { didYouMean } from '../text/did-you-mean.ts';
import { VocabularyError, type VocabularyProblem } from './vocabulary-problem.ts';
import { firstUndecodedLine, undecodedLineFix } from '../text/undecoded-line.ts';

/** One tag as the vocabulary file writes it. */
export interface TagDefinition {
  /** The tag's id: what papers write in `tags:` and what its URL is made from. */
  id: string;
  /** The name shown to readers. */
  label: string;
  description?: string | undefined;
  /** The id of the broader tag; a paper with this tag also has its parent. */
  parent?: string | undefined;
  /** Other spellings papers may write for this tag. */
  aliases: string[];
  /** Phrases or `/regular expressions/` that tag a paper by its title and abstract. */
  match: string[];
  /** The line of the tag in the vocabulary file. */
  line?: number | undefined;
}

const oneOrMany = (what: string) =>
  z
    .union(
      [
        z.string(),
        z.array(
          z
            .string()
            .trim()
            .min(1, { error: `has an empty ${what}; remove it` }),
        ),
      ],
      {
        error: `must be a list, e.g. \`[first, second]\``,
      },
    )
    .transform((value) => (typeof value === 'string' ? [value] : value))
    .default([]);

const text = (field: string, example: string) =>
  z
    .string({
      error: (issue) =>
        issue.input === undefined ? `is missing; write \`${field}: ${example}\`` : `must be text, e.g. \`${field}: ${example}\``,
    })
    .trim()
    .min(1, { error: `is empty; write \`${field}: ${example}\`` });

const tagSchema = z.strictObject({
  id: text('id', 'sparse-attention'),
  label: text('label', 'Sparse attention'),
  description: text('description', 'What the tag covers').optional(),
  parent: text('parent', 'attention').optional(),
  // `aliases: llm, llms` is YAML for one alias with a comma in it, never what its author meant.
  aliases: oneOrMany('alias').superRefine((aliases, context) => {
    if (aliases.length === 1 && /,\s/.test(aliases[0]!))
      context.addIssue({
        code: 'custom',
        message: `\`${aliases[0]}\` is one alias with a comma in it; write several as a list: \`aliases: [${aliases[0]!.split(/\s*,\s*/).join(', ')}]\``,
      });
  }),
  match: oneOrMany('rule'),
});

const fields = Object.keys(tagSchema.shape);

/**
 * Reads the vocabulary (`content/tags.yml`): a YAML list of tags. Scalars
 * are read as text (YAML's failsafe schema), so `id: 2025` or `alias: no`
 * stay what was written. Throws a `VocabularyError` naming every problem's
 * line and tag; structure across tags is checked by `compileVocabulary`.
 */
export function parseVocabulary(source: string, file: string): TagDefinition[] {
  const { tags, problems } = readVocabularyTags(source);
  if (problems.length > 0) throw new VocabularyError(file, problems);
  return tags;
}

/**
 * The tags a vocabulary file defines and the problems of each. A tag with a
 * bad field but a usable id stays in the list (with its id as label), so
 * checks across tags do not also report it as missing.
 */
export function readVocabularyTags(source: string): { tags: TagDefinition[]; problems: VocabularyProblem[] } {
  // A file that is not UTF-8, read as UTF-8, has "�" where its accents were: a label would show it.
  const undecoded = firstUndecodedLine(source);
  if (undecoded !== undefined)
    return {
      tags: [],
      problems: [{ line: undecoded, message: `is not UTF-8: this line has a byte UTF-8 cannot read, ${undecodedLineFix}` }],
    };
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, schema: 'failsafe', uniqueKeys: true, prettyErrors: false });
  const lineAt = (offset: number | undefined) => (offset === undefined ? undefined : lineCounter.linePos(offset).line);
  const yamlError = document.errors[0];
  if (yamlError) {
    return { tags: [], problems: [{ line: lineAt(yamlError.pos[0]), message: `not valid YAML: ${yamlError.message.split('\n')[0]}` }] };
  }
  if (document.contents === null) return { tags: [], problems: [] };
  if (!isSeq(document.contents)) {
    return {
      tags: [],
      problems: [
        { line: lineAt(document.contents.range?.[0]), message: 'the vocabulary must be a YAML list of tags, each starting with `- id: …`' },
      ],
    };
  }
  const problems: VocabularyProblem[] = [];
  const tags: TagDefinition[] = [];
  document.contents.items.forEach((item, index) => {
    const line = lineAt(isMap(item) || isScalar(item) || isSeq(item) ? item.range?.[0] : undefined);
    if (!isMap(item)) {
      problems.push({ line, message: `item ${index + 1} is not a tag; write it as \`- id: …\` with \`label: …\` below` });
      return;
    }
    const raw = item.toJSON() as Record<string, unknown>;
    const name = typeof raw['id'] === 'string' ? `tag \`${raw['id']}\`` : `tag ${index + 1}`;
    const result = tagSchema.safeParse(raw);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = String(issue.path[0] ?? '');
        const unknown = issue.code === 'unrecognized_keys';
        for (const key of unknown ? issue.keys : [field]) {
          const hint = unknown ? didYouMean(key, fields) : '';
          const message = unknown
            ? `is not a tag field; ${hint || `the fields are ${fields.map((f) => `\`${f}\``).join(', ')}`}`
            : issue.message;
          problems.push({ line: lineOfField(item, key, lineAt) ?? line, message: `${name}: \`${key}\` ${message}` });
        }
      }
      const id = typeof raw['id'] === 'string' ? raw['id'].trim() : '';
      if (id)
        tags.push({ id, label: id, parent: typeof raw['parent'] === 'string' ? raw['parent'] : undefined, aliases: [], match: [], line });
      return;
    }
    tags.push({ ...result.data, line });
  });
  return { tags, problems };
}

function lineOfField(item: YAMLMap, field: string, lineAt: (offset: number | undefined) => number | undefined): number | undefined {
  const pair = item.items.find((p) => isScalar(p.key) && p.key.value === field);
  return pair && isScalar(pair.key) ? lineAt(pair.key.range?.[0]) : undefined;
}
