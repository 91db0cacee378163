import { arxivIdPattern } from '../content/arxiv-id.ts';

const day = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'A calendar day, YYYY-MM-DD.' };
const month = { type: 'string', pattern: '^\\d{4}-\\d{2}$', description: 'A calendar month, YYYY-MM.' };
const text = (description: string) => ({ type: 'string', minLength: 1, description });
const webUrl = (description: string) => ({ type: 'string', format: 'uri', pattern: '^https?://', description });

/**
 * The JSON Schema (draft 2020-12) of `/papers.json`, shipped at
 * `/papers.schema.json`; `#/$defs/month` is the schema of a month's papers
 * (`/month/<YYYY-MM>/papers.json`, which `/papers.json` lists), and
 * `#/$defs/paper` of one paper, and of `/papers/<slug>.json`. A site's own
 * paper fields are allowed beside these. `id` is the schema's own absolute
 * URL, when the site has one.
 */
export function papersJsonSchema(id?: string): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    ...(id && { $id: id }),
    title: 'A Papershelf archive',
    description:
      "The archive's data: how many papers, and a file for each month's papers (frontmatter fields, tags with their source, and the abstract).",
    type: 'object',
    required: ['title', 'count', 'months'],
    properties: {
      $schema: { type: 'string' },
      title: text("The archive's name."),
      home: webUrl("The archive's home page."),
      count: { type: 'integer', minimum: 0, description: 'Number of papers.' },
      months: {
        type: 'array',
        description: 'Every month with papers, newest first.',
        items: {
          type: 'object',
          required: ['month', 'count', 'url'],
          properties: {
            month,
            count: { type: 'integer', minimum: 1, description: 'Papers that joined the archive that month.' },
            url: text("The month's papers, a file described by #/$defs/month (absolute when the site has a URL)."),
          },
          additionalProperties: false,
        },
      },
    },
    additionalProperties: false,
    $defs: {
      month: {
        type: 'object',
        description: 'The papers that joined the archive in one month, newest first.',
        required: ['title', 'month', 'count', 'tagLabels', 'papers'],
        properties: {
          $schema: { type: 'string' },
          title: text("The archive's name."),
          home: webUrl("The archive's home page."),
          month,
          count: { type: 'integer', minimum: 1, description: 'Number of papers.' },
          tagLabels: {
            type: 'object',
            additionalProperties: text("The tag's name."),
            description: "The name of every tag the month's papers have, by id: their tags give ids, not names.",
          },
          papers: { type: 'array', items: { $ref: '#/$defs/paper' }, description: 'Newest first.' },
        },
        additionalProperties: false,
      },
      paper: {
        type: 'object',
        required: ['slug', 'page', 'title', 'authors', 'date', 'tags', 'abstract'],
        properties: {
          $schema: { type: 'string' },
          slug: text("The file name without extension; the paper's page is /papers/<slug>/."),
          page: text("The paper's page on the site (absolute when the site has a URL)."),
          title: text('The title; formulas in $…$ or \\(…\\).'),
          authors: { type: 'array', items: text('A name, "First Last".') },
          date: { ...day, description: 'The day the paper joined the archive.' },
          published: {
            type: 'string',
            pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$',
            description: "The paper's own date: YYYY-MM-DD, or YYYY-MM or YYYY when no more is known.",
          },
          arxiv: { type: 'string', pattern: arxivIdPattern.source, description: 'arXiv id, new or old style, version optional.' },
          category: text('arXiv primary category.'),
          doi: { type: 'string', pattern: '^10\\.\\d{4,9}/\\S+$' },
          venue: text('Where the paper appeared.'),
          journalRef: text("arXiv's journal reference."),
          comment: text("arXiv's author comment."),
          url: webUrl("The paper's landing page."),
          pdf: webUrl('A PDF of the paper.'),
          code: webUrl('The code repository.'),
          projectPage: webUrl("The paper's project page."),
          organization: text('The organisation the paper is listed under.'),
          summary: text('A one-line summary, beside the abstract (possibly machine-written).'),
          withdrawn: { ...day, description: 'The day the paper was withdrawn.' },
          upvotes: { type: 'integer', minimum: 0 },
          rank: { type: 'integer', minimum: 1 },
          tags: { type: 'array', items: { $ref: '#/$defs/tag' } },
          abstract: { type: 'string', description: 'Plain text; formulas kept with their delimiters.' },
        },
      },
      tag: {
        type: 'object',
        required: ['id', 'source'],
        properties: {
          id: text("The tag's id in the vocabulary (or the free tag as written)."),
          label: text("The tag's name, in a paper's own file (a month's file names it once, in its tagLabels)."),
          source: {
            enum: ['file', 'rule', 'parent'],
            description: "From the paper's file, from a rule over title and abstract, or implied by a narrower tag.",
          },
          rule: text('For source "rule": the rule that matched.'),
        },
        additionalProperties: false,
      },
    },
  };
}
