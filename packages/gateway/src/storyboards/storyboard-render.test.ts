import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bundledBinaryPaths } from '../media/bundled-binaries.js';
import { probeVideo } from '../media/probe-video.js';
import { decodeFrames } from '../test-support/decode-frames.js';
import { useScratchDirectory } from '../test-support/scratch-directory.js';
import {
  clipModel,
  drainAll,
  getStoryboard,
  postStoryboard,
  renderClips,
} from '../test-support/storyboard-fixtures.js';
import { testDatabaseKinds } from '../test-support/test-databases.js';
import { createTestGateway, type TestGateway } from '../test-support/test-gateway.js';

const { ffmpegPath, ffprobePath } = bundledBinaryPaths();
const scratch = useScratchDirectory('vgw-storyboard-render-');
let clips: Record<string, string> = {};

beforeAll(async () => {
  clips = await renderClips(scratch.path, [
    { name: 'dawn', frames: 24 },
    { name: 'noon', frames: 30 },
    { name: 'dusk', frames: 20 },
    { name: 'small', frames: 24, width: 128, height: 72 },
    { name: 'pal', frames: 25, rate: '25' },
    { name: 'slow', frames: 12, rate: '12' },
  ]);
}, 60_000);

describe.each(testDatabaseKinds())('storyboard rendering on %s', (kind) => {
  let gateway: TestGateway | null = null;
  afterEach(async () => {
    await gateway?.dispose();
    gateway = null;
  });

  async function open() {
    const model = clipModel(clips);
    gateway = await createTestGateway(kind, [model]);
    return { gateway, model };
  }

  it("renders a continued shot from the pixels of the previous shot's last frame", async () => {
    const { gateway, model } = await open();
    const created = await postStoryboard(gateway, {
      name: 'day',
      shots: [{ prompt: 'dawn' }, { prompt: 'noon', continue: true }],
    });
    expect(created.status).toBe(200);
    expect(created.body.status).toBe('queued');
    await drainAll(gateway);
    expect(model.startCalls.map((call) => call.prompt)).toEqual(['dawn', 'noon']);
    expect(model.startCalls[0]?.inputReference).toBeNull();
    const reference = model.startCalls[1]?.inputReference;
    expect(reference?.mediaType).toBe('image/png');
    const png = await sharp(await readFile(reference?.path as string))
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect(png.info).toMatchObject({ width: 160, height: 90, channels: 3 });
    const [last] = await decodeFrames(ffmpegPath, clips.dawn as string, {
      frames: [23],
      width: 160,
      height: 90,
      pixelFormat: 'rgb24',
    });
    expect(Buffer.compare(png.data, last as Buffer)).toBe(0);
    const storyboard = await getStoryboard(gateway, created.body.id);
    expect(storyboard.status).toBe('completed');
    expect(storyboard.shots.map((shot: { status: string }) => shot.status)).toEqual([
      'completed',
      'completed',
    ]);
  });

  it('stitches by stream copy when the shots agree, with one seam score per cut', async () => {
    const { gateway } = await open();
    const created = await postStoryboard(gateway, {
      shots: [{ prompt: 'dawn' }, { prompt: 'noon' }, { prompt: 'dusk' }],
    });
    await drainAll(gateway);
    const storyboard = await getStoryboard(gateway, created.body.id);
    expect(storyboard.status).toBe('completed');
    expect(storyboard.stitched).toMatchObject({ mode: 'copy', reencoded_shots: [], frames: 74 });
    expect(storyboard.stitched.size).toBe('160x90');
    expect(storyboard.seams.map((seam: { between: number[] }) => seam.between)).toEqual([
      [0, 1],
      [1, 2],
    ]);
    for (const seam of storyboard.seams) {
      expect(seam.ssim).toBeGreaterThan(-1);
      expect(seam.ssim).toBeLessThanOrEqual(1);
      expect(seam.flicker).toBeGreaterThan(0);
      expect(seam.flicker).toBeLessThanOrEqual(1);
    }
    const response = await gateway.app.request(
      `/v1/storyboards/${created.body.id}/content`,
      gateway.authorized(),
    );
    expect(response.status).toBe(200);
    const file = scratch.file(`${created.body.id}.mp4`);
    const { writeFile } = await import('node:fs/promises');
    await writeFile(file, Buffer.from(await response.arrayBuffer()));
    const probe = await probeVideo(ffprobePath, file);
    expect(probe.frames).toBe(24 + 30 + 20);
    expect(probe.durationSeconds).toBeCloseTo(74 / 24, 1);
    // Each shot's frames come through untouched: the stitched frame 24 is the second shot's first.
    const [stitched] = await decodeFrames(ffmpegPath, file, {
      frames: [24],
      width: 160,
      height: 90,
      pixelFormat: 'gray',
    });
    const [first] = await decodeFrames(ffmpegPath, clips.noon as string, {
      frames: [0],
      width: 160,
      height: 90,
      pixelFormat: 'gray',
    });
    expect(Buffer.compare(stitched as Buffer, first as Buffer)).toBe(0);
  });

  it("re-encodes only the shot whose size differs, to the first shot's size", async () => {
    const { gateway } = await open();
    const created = await postStoryboard(gateway, {
      shots: [{ prompt: 'dawn' }, { prompt: 'small' }, { prompt: 'dusk' }],
    });
    await drainAll(gateway);
    const storyboard = await getStoryboard(gateway, created.body.id);
    expect(storyboard.status).toBe('completed');
    expect(storyboard.stitched).toMatchObject({ mode: 'reencode', reencoded_shots: [1] });
    const path = gateway.store.pathOf(storyboard.stitched.sha256);
    const probe = await probeVideo(ffprobePath, path);
    expect({ width: probe.width, height: probe.height }).toEqual({ width: 160, height: 90 });
    expect(probe.frames).toBe(24 + 24 + 20);
  });

  it("re-encodes a shot at another rate to the first shot's rate, keeping its duration", async () => {
    const { gateway } = await open();
    const created = await postStoryboard(gateway, {
      shots: [{ prompt: 'dawn' }, { prompt: 'pal' }],
    });
    await drainAll(gateway);
    const storyboard = await getStoryboard(gateway, created.body.id);
    expect(storyboard.stitched).toMatchObject({
      mode: 'reencode',
      reencoded_shots: [1],
      rate: '24/1',
    });
    const probe = await probeVideo(ffprobePath, gateway.store.pathOf(storyboard.stitched.sha256));
    expect(probe.frameRate).toEqual({ numerator: 24, denominator: 1 });
    // One second of 25 fps becomes 24 frames at 24 fps.
    expect(probe.frames).toBe(48);
    expect(probe.durationSeconds).toBeCloseTo(2, 1);
  });

  it('completes without a sequence when the stitched rate is none an editor timeline takes', async () => {
    const { gateway } = await open();
    const created = await postStoryboard(gateway, {
      shots: [{ prompt: 'slow' }, { prompt: 'slow' }],
    });
    await drainAll(gateway);
    const storyboard = await getStoryboard(gateway, created.body.id);
    expect(storyboard.status).toBe('completed');
    expect(storyboard.stitched).toMatchObject({ mode: 'copy', rate: '12/1', frames: 24 });
    expect(storyboard.sequence_id).toBeNull();
  });
});
