// What the search index holds of a paper, for pages and the search page.
export { paperSearchFields, searchFilterNames, hasCodeValue, type PaperSearchFields, type SearchFilterName } from './paper-search-fields.ts';
