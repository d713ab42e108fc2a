// The polite, SSRF-safe fetcher: what the feed poller and the page reader use.
export { HttpFetcher, FEED_MAX_BYTES, PAGE_MAX_BYTES } from './fetcher';
export type { Fetcher, FetchRequest, FetchResponse, HttpFetcherOptions } from './fetcher';
export { FetchError, isFetchError } from './errors';
export type { FetchErrorCode } from './errors';
export { USER_AGENT } from './user-agent';
