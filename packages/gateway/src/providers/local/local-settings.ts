import type { ProviderLogger } from '../../provider-http/provider-logger.js';
import type { RenderCapacity } from './render-capacity.js';

/** Everything the local engine needs from outside, resolved once by the factory. */
export interface LocalRenderSettings {
  ffmpegPath: string;
  /** When set, a finished render is checked with ffprobe before it is reported completed. */
  ffprobePath: string | null;
  /** Absolute; one job directory per start key lives under it. */
  workDir: string;
  renderTimeoutMs: number;
  /** x264 threads, fixed so that the same request gives the same bytes on any machine. */
  encoderThreads: number;
  now: () => number;
  /** Bounds the detached renders running at once on `workDir`. */
  capacity: RenderCapacity;
  logger: ProviderLogger;
}
