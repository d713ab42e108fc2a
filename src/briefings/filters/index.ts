// Subscription filters: parse what an admin typed, show it back, test an article against it.
export {
  applyFilter,
  describeFilter,
  filterInput,
  isEmptyFilter,
  NO_FILTER,
  parseFilter,
  MAX_TOPIC_LENGTH,
  MAX_TOPIC_WORDS,
  type FilterableArticle,
  type FilterInput,
  type FilterVerdict,
  type SubscriptionFilter,
} from './filter';
export { FilterInputError, MAX_INPUT_LENGTH, MAX_PHRASE_WORDS, MAX_TERMS, displayTerms, type FilterTerm } from './terms';
