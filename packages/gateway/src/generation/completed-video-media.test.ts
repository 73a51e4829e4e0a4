import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledBinaryPaths } from '../media/bundled-binaries.js';
import {
  completeVideos,
  createFileVideoModel,
  renderTestClip,
} from '../test-support/clip-fixtures.js';
import { useScratchDirectory } from '../test-support/scratch-directory.js';
import { testDatabaseKinds } from '../test-support/test-databases.js';
import { createTestGateway, type TestGateway } from '../test-support/test-gateway.js';
import { completedVideoMedia } from './completed-video-media.js';

const scratch = useScratchDirectory('vgw-media-');

describe.each(testDatabaseKinds())('completedVideoMedia on %s', (kind) => {
  let gateway: TestGateway;
  let ids: string[];

  beforeAll(async () => {
    const files = [
      await renderTestClip(scratch.path, { name: `a-${kind}`, frames: 37, rate: '24000/1001' }),
      await renderTestClip(scratch.path, {
        ...{ name: `b-${kind}`, frames: 50, rate: '25', width: 320, height: 180, audio: true },
      }),
    ];
    const model = createFileVideoModel({ 'first clip': files[0]!, 'second clip': files[1]! });
    gateway = await createTestGateway(kind, [model]);
    ids = await completeVideos(gateway, ['first clip', 'second clip']);
  });
  afterAll(async () => gateway.dispose());

  it('reads frames, size, exact rate and audio from the stored files, once per blob', async () => {
    const deps = {
      database: gateway.test.database,
      store: gateway.store,
      ffprobePath: bundledBinaryPaths().ffprobePath,
    };
    const media = await completedVideoMedia(deps, [...ids, 'video_missing']);
    expect(media.get(ids[0]!)).toMatchObject({
      frames: 37,
      width: 160,
      height: 90,
      rate: { numerator: 24000, denominator: 1001 },
      hasAudio: false,
    });
    expect(media.get(ids[1]!)).toMatchObject({
      frames: 50,
      width: 320,
      rate: { numerator: 25, denominator: 1 },
      hasAudio: true,
    });
    expect(media.has('video_missing')).toBe(false);
    const stored = await gateway.test.database.query('select count(*)::int as n from media_probes');
    expect(stored.rows[0]).toEqual({ n: 2 });
    // A second read is served from media_probes, even with ffprobe gone.
    const again = await completedVideoMedia({ ...deps, ffprobePath: '/nonexistent' }, ids);
    expect(again.get(ids[1]!)?.frames).toBe(50);
  });
});
