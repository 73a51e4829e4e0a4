export { Vgw, Vgw as default } from './client.js';
export type {
  ClientOptions,
  FetchFunction,
  RequestOptions,
  SleepFunction,
} from './client-options.js';
export { Videos } from './videos.js';
export type { Clock, CreateAndPollOptions, PollRequestOptions } from './videos.js';
export { Engines } from './engines.js';
export { Sequences } from './sequences.js';
export type * from './sequence-types.js';
export { Datasets } from './datasets.js';
export type {
  Dataset,
  DatasetConform,
  DatasetCounts,
  DatasetCreateParams,
  DatasetLayout,
  DatasetList,
} from './datasets.js';
export { Storyboards } from './storyboards.js';
export type { StoryboardPollOptions } from './storyboards.js';
export type {
  Storyboard,
  StoryboardCreateParams,
  StoryboardEstimate,
  StoryboardList,
  StoryboardSeam,
  StoryboardShot,
  StoryboardShotParams,
  StoryboardStatus,
  StoryboardStitched,
} from './storyboard-types.js';
export { CursorPage } from './cursor-page.js';
export type { CursorPageQuery, PageFetcher } from './cursor-page.js';
export { PagePromise } from './page-promise.js';
export {
  DEFAULT_POLL_INTERVAL_MS,
  DEFAULT_POLL_TIMEOUT_MS,
  POLL_AFTER_HEADER,
  isTerminalStatus,
} from './poll-video.js';
export type { PollOptions } from './poll-video.js';
export {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  PollTimeoutError,
  RateLimitError,
  UnprocessableEntityError,
  VgwError,
} from './errors.js';
export type { APIErrorInit } from './errors.js';
export { VideoRatings } from './video-ratings.js';
export type {
  VideoRating,
  VideoRatingCreateParams,
  VideoRatingList,
  VideoRatingsSummary,
} from './video-ratings.js';
export type {
  VideoScoreResult,
  VideoScores,
  VideoScoresStatus,
  VideoScoresSummary,
} from './video-scores.js';
export {
  backoffDelayMs,
  isRetryableStatus,
  retryDelayMs,
  serverRequestedDelayMs,
  shouldRetryResponse,
} from './retry.js';
export type {
  CursorPageBody,
  Engine,
  EngineList,
  ErrorObject,
  PolicyRefusal,
  VideoProvenance,
  InputReferenceURL,
  Video,
  VideoContentParams,
  VideoContentVariant,
  VideoCreateParams,
  VideoDeleted,
  VideoFailure,
  VideoList,
  VideoListParams,
  VideoRemixParams,
  VideoStatus,
  VideoWarning,
  VideoAttempt,
  VideoCost,
  VideoEstimate,
} from './types.js';
