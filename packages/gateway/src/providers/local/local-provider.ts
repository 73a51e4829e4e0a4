import type { JSONValue, VideoModelV1 } from '@vgw/spec';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { silentLogger, type ProviderLogger } from '../../provider-http/provider-logger.js';
import { probeVideo, type VideoProbe } from '../../media/probe-video.js';
import { unknownModel } from '../declared-models.js';
import {
  isLocalModelId,
  localCapabilities,
  localModelIds,
  localProviderName,
} from './local-models.js';
import type { LocalRenderSettings } from './local-settings.js';
import { LocalVideoModel } from './local-video-model.js';
import { removeRender } from './remove-render.js';
import { createRenderCapacity } from './render-capacity.js';

export interface LocalProviderSettings {
  ffmpegPath: string;
  /** Enables checking finished renders (codec, frame count) and `probe()`. */
  ffprobePath?: string;
  /** Job directories are created under it (resolved to an absolute path). */
  workDir: string;
  /** A render running longer is killed and fails with `render_timeout`. */
  renderTimeoutMs: number;
  /** x264 threads; fixed (default 4) so that output bytes do not depend on the machine. */
  encoderThreads?: number;
  /**
   * Renders running at once on this work directory; a start past it waits (EngineBusyError)
   * without using up a start attempt. Default: one per core.
   */
  maxConcurrentRenders?: number;
  /** Milliseconds since the epoch; injected so tests can move time. */
  now?: () => number;
  logger?: ProviderLogger;
}

export interface LocalProvider {
  readonly provider: typeof localProviderName;
  readonly modelIds: readonly string[];
  videoModel(modelId: string): VideoModelV1;
  /** Probes a rendered file with the configured ffprobe; throws when none was configured. */
  probe(file: string): Promise<VideoProbe>;
  /** Deletes a render's job directory (killing it if it runs), once its outputs are stored. */
  removeRender(operation: JSONValue): Promise<void>;
}

const defaultEncoderThreads = 4;

/** The offline ffmpeg engine. Everything with I/O is injected; nothing reads the environment. */
export function createLocalProvider(settings: LocalProviderSettings): LocalProvider {
  if (!(settings.renderTimeoutMs > 0)) throw new RangeError('renderTimeoutMs must be positive');
  const workDir = resolve(settings.workDir);
  const renderSettings: LocalRenderSettings = {
    ffmpegPath: settings.ffmpegPath,
    ffprobePath: settings.ffprobePath ?? null,
    workDir,
    renderTimeoutMs: settings.renderTimeoutMs,
    encoderThreads: settings.encoderThreads ?? defaultEncoderThreads,
    now: settings.now ?? Date.now,
    logger: settings.logger ?? silentLogger,
    capacity: createRenderCapacity(
      workDir,
      settings.maxConcurrentRenders ?? availableParallelism(),
    ),
  };
  return {
    provider: localProviderName,
    modelIds: localModelIds,
    videoModel(modelId) {
      if (!isLocalModelId(modelId)) {
        throw unknownModel('local', modelId);
      }
      return new LocalVideoModel(modelId, localCapabilities[modelId], renderSettings);
    },
    probe(file) {
      if (renderSettings.ffprobePath == null) {
        return Promise.reject(new Error('no ffprobePath was given to the local provider'));
      }
      return probeVideo(renderSettings.ffprobePath, file);
    },
    removeRender: (operation) => removeRender(renderSettings, operation),
  };
}
