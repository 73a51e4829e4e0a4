import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledBinaryPaths } from '../media/bundled-binaries.js';
import { probeVideo } from '../media/probe-video.js';
import { createDatasetFixture, type DatasetFixture } from '../test-support/dataset-fixtures.js';
import { useScratchDirectory } from '../test-support/scratch-directory.js';
import { conformPresets } from './conform-presets.js';
import { conformFamilies, datasetRequestSchema } from './dataset-request.js';
import { exportDataset } from './export-dataset.js';

const scratch = useScratchDirectory('vgw-conform-');

// ffmpeg does the work here whatever the database, so one database kind is enough.
describe('exportDataset --conform', () => {
  let fixture: DatasetFixture;
  beforeAll(async () => {
    fixture = await createDatasetFixture('pglite', scratch.path);
  });
  afterAll(async () => fixture.gateway.dispose());

  it.each(conformFamilies)('conforms every clip for %s, checked with ffprobe', async (family) => {
    const binaries = bundledBinaryPaths();
    const out = join(scratch.path, `out-${family}`);
    const request = datasetRequestSchema.parse({ conform: family, val_fraction: 0 });
    const deps = { database: fixture.gateway.test.database, store: fixture.gateway.store };
    const report = await exportDataset(
      { ...deps, ...binaries },
      fixture.gateway.projectId,
      request,
      out,
    );
    const preset = conformPresets[family];
    // Six frames at 24 fps hold 5 frames (4·1+1) at 24, but too few at 16 or for 8n+1.
    const tooShort = family === 'hunyuan' ? 0 : 1;
    expect(report.excluded.too_short ?? 0).toBe(tooShort);
    expect(report.clips).toBe(4 - tooShort);
    const text = await readFile(join(out, 'manifest.jsonl'), 'utf8');
    const lines = text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, any>);
    for (const line of lines) {
      const probe = await probeVideo(binaries.ffprobePath, join(out, line.media_path), {
        decode: true,
      });
      expect(probe.frames).toBe(line.num_frames);
      expect((probe.frames - 1) % preset.frameStep).toBe(0);
      expect(probe.frameRate).toEqual({ numerator: preset.fps, denominator: 1 });
      expect(probe.width % preset.sideMultiple).toBe(0);
      expect(probe.height % preset.sideMultiple).toBe(0);
      expect(probe.hasAudio).toBe(false);
      expect(line.conform).toMatchObject({
        family,
        fps: preset.fps,
        frames: probe.frames,
        width: probe.width,
        height: probe.height,
      });
      expect(line.provenance.c2pa).toBe('source_only');
    }
    const kite = lines.find((line) => line.caption === 'a hero shot of a kite');
    // 48 frames at 24 fps: 2 s, so 32 frames at 16 fps (29 = 4·7+1), 50 at 25 (49 = 8·6+1).
    const expected = { wan: [29, 160, 80], hunyuan: [45, 160, 80], ltx: [49, 160, 64] }[family];
    expect([kite?.num_frames, kite?.width, kite?.height]).toEqual(expected);
    expect(kite?.conform.source).toMatchObject({ fps: '24', frames: 48, width: 160, height: 90 });
  });
});
