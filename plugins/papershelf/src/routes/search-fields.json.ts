// /_papershelf/search-fields.json: each paper page's search fields (metadata, filters, sort key), as [page path,
// fields HTML] pairs. Pagefind reads them with the page, from the copy the integration makes of it for the index;
// the published page does without them. The integration reads this file when the build is done and then deletes
// it (see integration/search-fields-file.ts).
import type { APIRoute } from 'astro';
import { features, getArchive, links } from 'astro-papershelf/archive';
import { paperSearchFields, searchFieldsHtml } from 'astro-papershelf/search';
import { compactJsonResponse } from './responses.ts';

export const GET: APIRoute = async () => {
  const archive = await getArchive();
  // The archive lists papers newest day first, each day in its order: a paper's place in its day, for the sort key.
  let dayStart = 0;
  return compactJsonResponse(
    archive.papers.map((paper, index) => {
      if (index > 0 && paper.data.date !== archive.papers[index - 1]!.data.date) dayStart = index;
      // The search page links the page of an author a query names; it finds it among the result's authors.
      const authorPages = features.authors
        ? paper.data.authors.flatMap((name) => {
            const author = archive.authorOf(name);
            return author?.hasPage ? [[name, links.author(author.slug)]] : [];
          })
        : [];
      return [links.paper(paper.slug), searchFieldsHtml(paperSearchFields(paper, archive.taxonomy.byId, index - dayStart), authorPages)];
    }),
  );
};
