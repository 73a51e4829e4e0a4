export type { JSONObject, JSONValue } from './video-model/v1/json-value.js';
export type { VideoCapabilities, VideoPrice } from './video-model/v1/video-capabilities.js';
export type { VideoWarning } from './video-model/v1/warning.js';
export type {
  ImageInput,
  VideoCallOptions,
  VideoFailure,
  VideoFile,
  VideoModelV1,
  VideoStartResult,
  VideoStatusResult,
  VideoVariant,
  WebhookEvent,
} from './video-model/v1/video-model.js';
export {
  AuthenticationError,
  BudgetExceededError,
  ConflictError,
  GatewayError,
  IdempotencyConflictError,
  InvalidRequestError,
  NotFoundError,
  PolicyViolationError,
  ProviderApiError,
  EngineBusyError,
} from './video-model/v1/errors.js';
export type { GatewayErrorOptions } from './video-model/v1/errors.js';
