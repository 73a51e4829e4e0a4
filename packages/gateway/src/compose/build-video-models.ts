import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { VideoModelV1 } from '@vgw/spec';
import type { Logger } from 'pino';
import type { Config } from '../config/config-schema.js';
import { createLocalProvider } from '../providers/local/local-provider.js';

const require = createRequire(import.meta.url);

/** ffmpeg shipped inside an npm package, so a fresh `npm ci` renders with no system install. */
export function bundledBinaryPaths(): { ffmpegPath: string; ffprobePath: string } {
  const ffmpeg = require('@ffmpeg-installer/ffmpeg') as { path: string };
  const ffprobe = require('@ffprobe-installer/ffprobe') as { path: string };
  return { ffmpegPath: ffmpeg.path, ffprobePath: ffprobe.path };
}

export async function buildVideoModels(config: Config, logger: Logger): Promise<VideoModelV1[]> {
  const models: VideoModelV1[] = [];
  const local = config.engines.local;
  if (local.enabled) {
    const bundled = bundledBinaryPaths();
    const provider = createLocalProvider({
      ffmpegPath: local.ffmpegPath ?? bundled.ffmpegPath,
      ffprobePath: local.ffprobePath ?? bundled.ffprobePath,
      workDir: join(config.dataDir, 'renders'),
      renderTimeoutMs: local.renderTimeoutSeconds * 1000,
      logger: logger.child({ provider: 'local' }),
    });
    models.push(provider.videoModel('local'));
  }
  return models;
}
