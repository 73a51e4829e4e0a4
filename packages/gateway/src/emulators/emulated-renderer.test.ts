import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundledBinaryPaths } from '../media/bundled-binaries.js';
import { createLocalProvider } from '../providers/local/local-provider.js';
import { EmulatedRenderer, type EmulatedRequest } from './emulated-renderer.js';

let workDir: string;
beforeEach(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'vgw-emulated-'));
});
afterEach(() => rm(workDir, { recursive: true, force: true }));

const request = (prompt: string): EmulatedRequest => ({
  prompt,
  seconds: 1,
  width: 160,
  height: 120,
  fps: 8,
  seed: 3,
  imagePath: null,
});

async function checkUntilDone(renderer: EmulatedRenderer, id: string) {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    const job = await renderer.check(id);
    if (job?.state === 'succeeded' || job?.state === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`job ${id} did not finish`);
}

describe('the emulated render farm', () => {
  it('keeps a job queued while every render slot is busy, as a provider queue would', async () => {
    const engine = createLocalProvider({
      ffmpegPath: bundledBinaryPaths().ffmpegPath,
      workDir,
      renderTimeoutMs: 60_000,
      maxConcurrentRenders: 1,
    }).videoModel('local');
    const renderer = new EmulatedRenderer(engine);
    const first = renderer.submit(request('first in line'));
    const second = renderer.submit(request('second in line'));

    expect((await renderer.check(second.id))?.state).toBe('queued');
    expect(await checkUntilDone(renderer, first.id)).toMatchObject({
      state: 'succeeded',
      failure: null,
    });
    const done = await checkUntilDone(renderer, second.id);
    expect(done).toMatchObject({ state: 'succeeded', failure: null });
    expect(done.files.video).toMatch(/video\.mp4$/);
  });
});
