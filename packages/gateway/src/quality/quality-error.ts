/** Why a video could not be scored; stable codes so callers can map them to API errors. */
export type QualityErrorCode =
  | 'missing_file'
  | 'empty_file'
  | 'unreadable'
  | 'no_video_stream'
  | 'too_few_frames'
  | 'too_large'
  | 'decode_timeout'
  | 'decode_failed';

export class VideoQualityError extends Error {
  readonly code: QualityErrorCode;

  constructor(code: QualityErrorCode, message: string) {
    super(message);
    this.name = 'VideoQualityError';
    this.code = code;
  }
}
