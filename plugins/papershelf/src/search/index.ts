// What the search index holds of a paper, for pages and the search page.
export {
  paperSearchFields,
  searchFieldsHtml,
  searchFilters,
  usefulFilters,
  searchFilterNames,
  hasCodeValue,
  type PaperSearchFields,
  type SearchFilter,
  type SearchFilterName,
} from './paper-search-fields.ts';
export { parseIdentifier, identifierHome, identifierFiles, type PaperIdentifier, type IdentifierTarget } from './paper-identifiers.ts';
export { paperSearchWords, type PaperSearchWords } from './search-words.ts';
export { searchQuery } from './formula-words.ts';
