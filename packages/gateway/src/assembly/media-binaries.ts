import type { Config } from '../config/config-schema.js';
import { bundledBinaryPaths } from '../media/bundled-binaries.js';
import type { LocalProviderSettings } from '../providers/local/index.js';

export interface MediaBinaries {
  ffmpegPath: string;
  ffprobePath: string;
}

/**
 * The one decision of which ffmpeg and ffprobe run: the configured paths
 * (`engines.local.ffmpegPath`, `FFMPEG_PATH`, ...) where set, else the bundled ones. Renders,
 * emulators, the score worker and `vgw score` all ask here, so they never disagree.
 */
export function mediaBinaries(config: Config): MediaBinaries {
  const local = config.engines.local;
  const bundled = bundledBinaryPaths();
  return {
    ffmpegPath: local.ffmpegPath ?? bundled.ffmpegPath,
    ffprobePath: local.ffprobePath ?? bundled.ffprobePath,
  };
}

/** The local engine's settings from config, rendering under `workDir`. */
export function localProviderSettings(
  config: Config,
  workDir: string,
): Omit<LocalProviderSettings, 'logger'> {
  const local = config.engines.local;
  return {
    ...mediaBinaries(config),
    workDir,
    renderTimeoutMs: local.renderTimeoutSeconds * 1000,
    ...(local.maxConcurrentRenders != null
      ? { maxConcurrentRenders: local.maxConcurrentRenders }
      : {}),
  };
}
