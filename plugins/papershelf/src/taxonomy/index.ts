// The tag taxonomy: vocabulary, rules, slugs and the per-build result. Pure modules only.
export { parseVocabulary, type TagDefinition } from './parse-vocabulary.ts';
export { compileVocabulary, type Vocabulary, type VocabularyTag } from './compile-vocabulary.ts';
export { VocabularyError, type VocabularyProblem } from './vocabulary-problem.ts';
export {
  buildTaxonomy,
  freeLabel,
  type Taxonomy,
  type Tag,
  type PaperTag,
  type TagSource,
  type CoTag,
  type TaxonomyPaper,
  type TaxonomyOptions,
  type RuleMatch,
  ruleMatchesIn,
  type TaxonomyReport,
  type UnknownTag,
} from './build-taxonomy.ts';
export { formatTaxonomyReport, taxonomyProblems, unknownTagMessage } from './taxonomy-messages.ts';
export { compileRule, type TagRule } from './tag-rule.ts';
export { tagSlug } from './tag-slug.ts';
export { foldTag } from './fold-tag.ts';
