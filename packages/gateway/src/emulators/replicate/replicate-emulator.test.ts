import Replicate from 'replicate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emulatorApiKey, startTestEmulator } from '../../test-support/emulated-provider.js';
import { replicateEmulator } from './replicate-emulator.js';

let running: Awaited<ReturnType<typeof startTestEmulator>>;
let replicate: Replicate;

beforeAll(async () => {
  running = await startTestEmulator(replicateEmulator);
  // The official SDK (the referee), pointed at the emulator like at api.replicate.com/v1.
  replicate = new Replicate({ auth: emulatorApiKey, baseUrl: `${running.emulator.url}/v1` });
});

afterAll(async () => {
  await running.close();
});

const perTest = { timeout: 120_000 };

describe('the replicate emulator, driven by the official SDK', () => {
  it('creates, polls until succeeded and serves a real MP4', perTest, async () => {
    const created = await replicate.predictions.create({
      model: 'kwaivgi/kling-v1.6-standard',
      input: { prompt: 'a paper boat on a pond', duration: 1, aspect_ratio: '16:9' },
    });
    expect(created.status).toBe('starting');
    expect(created.model).toBe('kwaivgi/kling-v1.6-standard');
    const fetched = await replicate.predictions.get(created.id);
    expect(fetched.id).toBe(created.id);
    const finished = await replicate.wait(created, { interval: 100 });
    expect(finished.status).toBe('succeeded');
    expect(typeof finished.output).toBe('string');
    const download = await fetch(finished.output as string);
    expect(download.status).toBe(200);
    const bytes = Buffer.from(await download.arrayBuffer());
    expect(bytes.subarray(4, 8).toString('latin1')).toBe('ftyp');
  });

  it('runs a pinned version through POST /predictions', perTest, async () => {
    const version = 'c43b610efe40d08a28d2c07cb3515dab1cd3324dfc7418f3304a092571071d22';
    const created = await replicate.predictions.create({
      version,
      input: { prompt: 'a kite', duration: 1, width: 320, height: 180 },
    });
    expect(created.version).toBe(version);
    const finished = await replicate.wait(created, { interval: 100 });
    expect(finished.status).toBe('succeeded');
  });

  it('surfaces [moderate] as the SDK failure with the E005 error', perTest, async () => {
    const created = await replicate.predictions.create({
      model: 'minimax/hailuo-02',
      input: { prompt: 'a scene [moderate]', duration: 1 },
    });
    await expect(replicate.wait(created, { interval: 100 })).rejects.toThrow(
      /Prediction failed: .*flagged as sensitive.*E005/,
    );
  });

  it('cancels a running prediction', perTest, async () => {
    const created = await replicate.predictions.create({
      model: 'minimax/hailuo-02',
      input: { prompt: 'forever [never]', duration: 1 },
    });
    const canceled = await replicate.predictions.cancel(created.id);
    expect(canceled.status).toBe('canceled');
    expect((await replicate.predictions.get(created.id)).status).toBe('canceled');
  });

  it('answers a wrong token with the 401 problem body', async () => {
    const stranger = new Replicate({ auth: 'wrong', baseUrl: `${running.emulator.url}/v1` });
    await expect(stranger.predictions.get('anything')).rejects.toThrow(
      /401.*You did not pass a valid authentication token/,
    );
  });
});
