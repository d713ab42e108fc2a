// The renderer: the only code that turns core results into Discord messages (and the only owner of limits).
export { renderArticleSummary, peopleQuoted } from './article';
export { renderBriefing, renderBriefingPost, type BriefingPostOptions } from './briefing';
export { renderBurstSummary, renderLivePost, type LivePostArticle, type LivePostOptions } from './live-post';
export { renderHelp, type CommandSummary } from './help';
export { LIMITS, limitViolations, embedLength } from './limits';
export { MAX_MESSAGES, NO_MENTIONS, type RenderedMessage } from './message';
export { renderApology, renderNotice, APOLOGY } from './notice';
export { renderQuotes, type QuoteRequest } from './quotes';
export {
  renderScheduleStatus,
  renderScheduleSet,
  renderSchedulePreview,
  renderPostNow,
  renderScheduleOff,
  renderScheduleInputError,
  renderBriefingRefusal,
  channelRef,
  type BriefingRefusal,
  type PostNowView,
  type PreviewView,
  type ScheduleView,
} from './schedule';
export {
  renderNoArticleMatch,
  renderEmptySearch,
  renderStaleSearch,
  renderArticleGone,
  renderSearchChoices,
  renderNoSuchSearchSource,
  renderSourceChoices,
  SEARCH_CHANGED_NOTICE,
  SEARCH_TITLE_SUGGESTIONS,
} from './replies';
export { stampMarker, markerText } from './stamp';
export { renderSearchPage, type SearchPageView } from './search';
export { renderChoices, type Choice } from './choices';
export { safeMarkdown, safePlain, neutraliseMentions, truncateWords } from './text';
export {
  renderAddRefused,
  renderBadSourceUrl,
  renderFilterError,
  renderLiveChannelProblem,
  renderSourceAdded,
  renderSourceRemoved,
  renderSourcesList,
  renderSourcesRefusal,
  renderUnknownSource,
  renderUnwatched,
  renderWatched,
  type SourceListView,
  type SourcesRefusal,
  type SubscriptionListView,
} from './sources';
