// /month/<YYYY-MM>/papers.json: the papers that joined the archive in a month, newest first, as data. /papers.json
// lists these files: one file of the whole archive outgrew Cloudflare Pages' 25 MiB a file near 10,900 papers,
// while a month's file is rebuilt only when one of its papers changed.
import type { APIRoute, GetStaticPaths } from 'astro';
import options from 'virtual:papershelf/options';
import { cacheKeyOf, getArchive, links, paperFileFacts, type ArchivePeriod } from 'astro-papershelf/archive';
import { paperRecord } from 'astro-papershelf/export';
import { compactJsonResponse } from './responses.ts';

export const getStaticPaths = (async () => {
  const archive = await getArchive();
  return archive.months.map((month) => ({
    params: { month: month.id },
    props: { month },
    cacheKey: cacheKeyOf(month.days.flatMap((day) => day.papers.map((paper) => paperFileFacts(paper, archive)))),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const archive = await getArchive();
  const { month } = props as { month: ArchivePeriod };
  const absolute = (path: string) => (site ? new URL(path, site).href : path);
  const papers = month.days.flatMap((day) => day.papers);
  // Each tag's label once, not in every paper that has the tag: six tags a paper, 1.5 MB of a 10,000-paper archive.
  const tagIds = [...new Set(papers.flatMap((paper) => paper.tags.map((t) => t.id)))].sort();
  return compactJsonResponse({
    $schema: `${absolute(links.papersSchema())}#/$defs/month`,
    title: options.title,
    ...(site && { home: absolute(links.home()) }),
    month: month.id,
    count: month.count,
    tagLabels: Object.fromEntries(tagIds.map((id) => [id, archive.taxonomy.byId.get(id)?.label ?? id])),
    papers: papers.map((paper) => paperRecord(paper, absolute(links.paper(paper.slug)))),
  });
};
