import { z } from 'astro/zod';
import { arxivCategoryPattern, arxivIdPattern, stripDoiResolver } from './arxiv-id.ts';
import { didYouMean } from '../text/did-you-mean.ts';

const show = (value: unknown): string => `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``;

/**
 * The message for a list field given something else. A line of text
 * (`authors: Jane Doe, John Roe`, `tags: attention`) is a list written
 * without its brackets: the list to write is shown.
 */
function listError(input: unknown, field: string, otherwise: string): string {
  if (typeof input !== 'string' || !input.trim()) return otherwise;
  const items = input.split(',').map((item) => item.trim()).filter(Boolean);
  return `${show(input)} is one piece of text; write it as a list in brackets: \`${field}: [${items.join(', ')}]\``;
}

/** A calendar day as YAML writes it; a `Date` (from a YAML parser with timestamps) becomes its UTC day. */
const isoDay = (field: string, example: string) =>
  z
    .union([z.string(), z.date()], {
      error: (issue) =>
        issue.input === undefined
          ? `is missing; write it as YYYY-MM-DD, e.g. \`${field}: ${example}\``
          : `${show(issue.input)} is not a day; write ${field} as YYYY-MM-DD, e.g. \`${field}: ${example}\``,
    })
    .transform((value, ctx) => {
      const text = value instanceof Date ? value.toISOString().slice(0, 10) : value.trim();
      // A day with a time (`2025-08-27T10:00:00+02:00`): the day is wanted, written alone.
      const withTime = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}/.exec(text);
      if (withTime && isRealDay(withTime[1]!)) {
        ctx.addIssue({ code: 'custom', message: `${show(value)} is a day with a time; write the day alone: \`${field}: ${withTime[1]}\`` });
        return z.NEVER;
      }
      if (!isRealDay(text)) {
        ctx.addIssue({ code: 'custom', message: `${show(value instanceof Date ? text : value)} is not a real day; write ${field} as YYYY-MM-DD, e.g. \`${field}: ${example}\`` });
        return z.NEVER;
      }
      return text;
    });

/**
 * A date known to the year, the month or the day (`2017`, `2017-06`,
 * `2017-06-12`): sources such as BibTeX give only a year, and writing it as
 * 1 January would state a day nobody knows. YAML reads a bare `2017` as a
 * number and a bare day as a `Date`; both are taken as written.
 */
const partialDate = (field: string, example: string) =>
  z
    .union([z.string(), z.number(), z.date()], {
      error: (issue) => `${show(issue.input)} is not a date; write ${field} as YYYY-MM-DD, or YYYY-MM or YYYY when that is all that is known, e.g. \`${field}: ${example}\``,
    })
    .transform((value, ctx) => {
      const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value).trim();
      if (!isPartialDate(text)) {
        ctx.addIssue({
          code: 'custom',
          message: `${show(value instanceof Date ? text : value)} is not a real date; write ${field} as YYYY-MM-DD, or YYYY-MM or YYYY when that is all that is known, e.g. \`${field}: ${example}\``,
        });
        return z.NEVER;
      }
      return text;
    });

const webUrl = (field: string) =>
  z.string({ error: (issue) => `${show(issue.input)} is not one address; ${field} takes one URL, e.g. \`${field}: https://example.org\`` }).refine((value) => isWebUrl(value), {
    error: (issue) => `${show(issue.input)} is not an http(s) URL; ${field} must start with https:// or http://`,
  });

const optionalText = (field: string) =>
  z.string({ error: (issue) => `${show(issue.input)} is not text; quote it: \`${field}: "…"\`` }).trim().min(1, { error: `is empty; remove the \`${field}\` line or fill it in` });

/** The fields every paper file has; `paperSchema()` builds the collection schema from them. */
export const paperFields = {
  /** The paper's title (required). Formulas in `$…$` or `\(…\)` render; any other markup is shown as text. */
  title: z.string({ error: (issue) => (issue.input === undefined ? 'is missing; every paper needs a `title: "…"` line' : `${show(issue.input)} is not text; quote it: \`title: "…"\``) }).trim().min(1, { error: 'is empty; write the paper\'s title' }),
  /** Display names, "First Last" (default: none). */
  authors: z.array(z.string({ error: (issue) => `${show(issue.input)} is not a name; quote it: \`"Ada Lovelace"\`` }).trim().min(1, { error: 'has an empty name; remove it or write the author\'s name' }), { error: (issue) => listError(issue.input, 'authors', 'must be a list of names, e.g. `authors: ["Ada Lovelace", "Alan Turing"]`') }).default([]),
  /** The day the paper joined the archive, YYYY-MM-DD (required): drives day pages, feeds and "newest". */
  date: isoDay('date', '2025-08-27'),
  /** The paper's own date, YYYY-MM-DD, or YYYY-MM or YYYY when no more is known: drives citations and the year filter (default: its arXiv id's month, else none). */
  published: partialDate('published', '2024-05-06').optional(),
  /** arXiv id, new or old style, version optional: `2006.04768`, `2006.04768v3`, `math/0211159`. */
  arxiv: z.string({ error: (issue) => `${show(issue.input)} is not an arXiv id; write it as \`2006.04768\`` }).trim().regex(arxivIdPattern, {
    error: (issue) => `${show(issue.input)} is not an arXiv id; write it as \`2006.04768\`, \`2006.04768v3\` or \`math/0211159\`, without "arXiv:" or a URL`,
  }).optional(),
  /** arXiv primary category, e.g. `cs.CL`. */
  category: z.string({ error: (issue) => `${show(issue.input)} is not an arXiv category; write the primary category, e.g. \`cs.CL\`` }).trim().regex(arxivCategoryPattern, {
    error: (issue) => `${show(issue.input)} is not an arXiv category; write the primary category, e.g. \`cs.CL\``,
  }).optional(),
  /** DOI without the resolver, e.g. `10.1145/3292500.3330701`. */
  doi: z.string({ error: (issue) => `${show(issue.input)} is not a DOI; write it as \`10.1234/abc\`` }).trim().transform(stripDoiResolver).refine((value) => /^10\.\d{4,9}\/\S+$/.test(value), {
    error: (issue) => `${show(issue.input)} is not a DOI; write it as \`10.1234/abc\``,
  }).optional(),
  /** Where the paper appeared, e.g. `NeurIPS 2024`. */
  venue: optionalText('venue').optional(),
  /** arXiv's journal reference, as given. */
  journalRef: optionalText('journalRef').optional(),
  /** arXiv's author comment, e.g. "12 pages, 4 figures". */
  comment: optionalText('comment').optional(),
  /** The paper's landing page (http or https). */
  url: webUrl('url').optional(),
  /** A PDF of the paper (http or https). */
  pdf: webUrl('pdf').optional(),
  /** The code repository (http or https). */
  code: webUrl('code').optional(),
  /** The paper's project page (http or https), e.g. from Hugging Face's `projectPage`. */
  projectPage: webUrl('projectPage').optional(),
  /** The organisation the paper is listed under, e.g. `Google DeepMind`. */
  organization: optionalText('organization').optional(),
  /** A one-line summary, shown beside the abstract and never instead of it; Hugging Face's (`ai_summary`) is machine-written. */
  summary: optionalText('summary').optional(),
  /** The day the paper was withdrawn, YYYY-MM-DD; pages mark a withdrawn paper (default: not withdrawn). */
  withdrawn: isoDay('withdrawn', '2025-08-28').optional(),
  /** Tag ids or aliases from the vocabulary (default: none). */
  tags: z.array(z.string({ error: (issue) => `${show(issue.input)} is not a tag; write tags as text, e.g. \`tags: [reasoning]\`` }).trim().min(1, { error: 'has an empty tag; remove it' }), { error: (issue) => listError(issue.input, 'tags', 'must be a list, e.g. `tags: [reasoning, fine-tuning]`') }).default([]),
  /** Upvotes from the source listing. */
  upvotes: z.number({
    error: (issue) =>
      typeof issue.input === 'string' && /^\s*\d+\s*$/.test(issue.input)
        ? `${show(issue.input)} is in quotes, so it is text; write the number without them: \`upvotes: ${issue.input.trim()}\``
        : `${show(issue.input)} is not a number of upvotes; write a whole number from 0`,
  }).int().nonnegative().optional(),
  /** Position in the source listing (1 is first); orders a day's papers. */
  rank: z.number({ error: (issue) => `${show(issue.input)} is not a position; write a whole number from 1` }).int().positive().optional(),
  /** A draft is not built (default false). */
  draft: z.boolean({ error: (issue) => `${show(issue.input)} is not true or false` }).default(false),
};

/** Options of `paperSchema()`. */
export interface PaperSchemaOptions<Extra extends z.ZodRawShape = Record<never, never>> {
  /** Fields a site adds to every paper, as a zod shape. */
  extend?: Extra;
}

/**
 * The frontmatter schema of a paper file. Strict: an unknown field fails
 * with the nearest known field, so a typo never silently drops data.
 */
export function paperSchema<Extra extends z.ZodRawShape = Record<never, never>>(options: PaperSchemaOptions<Extra> = {}) {
  const shape = { ...paperFields, ...(options.extend ?? ({} as Extra)) };
  const known = Object.keys(shape);
  return z.looseObject(shape).superRefine(
    (data, ctx) => {
      for (const key of Object.keys(data)) {
        if (known.includes(key)) continue;
        const hint = didYouMean(key, known);
        ctx.addIssue({ code: 'custom', path: [key], message: `is not a paper field${hint ? `; ${hint}` : `; the fields are ${known.map((k) => `\`${k}\``).join(', ')}`}` });
      }
    },
    // Also when a value failed: a misspelt field is said with the rest, not only once the others are fixed.
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );
}

/** A paper's frontmatter after validation. */
export type PaperData = z.output<z.ZodObject<typeof paperFields>>;

/** Whether text is a YYYY-MM-DD day that exists (`2025-02-30` does not). */
export function isRealDay(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Whether text is a year, a month of a year or a real day: `2017`, `2017-06`, `2017-06-12`. */
export function isPartialDate(text: string): boolean {
  if (/^\d{4}$/.test(text)) return true;
  const month = /^\d{4}-(\d{2})$/.exec(text);
  if (month) return Number(month[1]) >= 1 && Number(month[1]) <= 12;
  return isRealDay(text);
}

/** Whether text is an http(s) URL with a host: what the link fields accept. */
export function isWebUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}
