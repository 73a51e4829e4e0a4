import { describe, expect, it } from 'vitest';
import { configSchema } from '../config/config-schema.js';
import { bundledBinaryPaths } from '../media/bundled-binaries.js';
import { localProviderSettings, mediaBinaries } from './media-binaries.js';

describe('mediaBinaries', () => {
  it('uses the bundled ffmpeg and ffprobe when config names none', () => {
    const config = configSchema.parse({});
    expect(mediaBinaries(config)).toEqual(bundledBinaryPaths());
  });

  it('prefers the configured paths, each on its own', () => {
    const config = configSchema.parse({ engines: { local: { ffmpegPath: '/opt/ff/ffmpeg' } } });
    expect(mediaBinaries(config)).toEqual({
      ffmpegPath: '/opt/ff/ffmpeg',
      ffprobePath: bundledBinaryPaths().ffprobePath,
    });
  });

  it('hands the local engine the same binaries with its render limits', () => {
    const config = configSchema.parse({
      engines: { local: { ffprobePath: '/opt/ff/ffprobe', maxConcurrentRenders: 3 } },
    });
    expect(localProviderSettings(config, '/data/renders')).toEqual({
      ffmpegPath: bundledBinaryPaths().ffmpegPath,
      ffprobePath: '/opt/ff/ffprobe',
      workDir: '/data/renders',
      renderTimeoutMs: 600_000,
      maxConcurrentRenders: 3,
    });
  });
});
