import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emulatorApiKey, startTestEmulator } from '../../test-support/emulated-provider.js';
import { comfyuiEmulator } from './comfyui-emulator.js';

// ComfyUI has no official JavaScript SDK: the referee is plain fetch, speaking its HTTP API
// exactly as the ComfyUI web frontend and its API examples do.

let running: Awaited<ReturnType<typeof startTestEmulator>>;
const perTest = { timeout: 120_000 };
const auth = { authorization: `Bearer ${emulatorApiKey}` };

beforeAll(async () => {
  running = await startTestEmulator(comfyuiEmulator);
});

afterAll(async () => {
  await running.close();
});

function workflow(prompt: string) {
  return {
    '6': { class_type: 'CLIPTextEncode', inputs: { text: prompt, clip: ['38', 0] } },
    '40': {
      class_type: 'EmptyLTXVLatentVideo',
      inputs: { width: 320, height: 192, length: 24, batch_size: 1 },
    },
    '3': { class_type: 'KSampler', inputs: { seed: 7, steps: 4, latent_image: ['40', 0] } },
    '50': {
      class_type: 'SaveVideo',
      inputs: { video: ['49', 0], filename_prefix: 'video/gw', format: 'auto', codec: 'auto' },
    },
  };
}

async function queuePrompt(prompt: string, prefix = '') {
  const response = await fetch(`${running.emulator.url}${prefix}/prompt`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ prompt: workflow(prompt), client_id: 'referee' }),
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as {
    prompt_id: string;
    number: number;
    node_errors: object;
  };
  expect(body.node_errors).toEqual({});
  return body.prompt_id;
}

async function history(promptId: string): Promise<Record<string, any>> {
  for (;;) {
    const response = await fetch(`${running.emulator.url}/history/${promptId}`, { headers: auth });
    const body = (await response.json()) as Record<string, any>;
    if (body[promptId] != null) return body[promptId];
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the comfyui emulator, driven by plain fetch', () => {
  it(
    'queues a workflow, reports it in history and serves a real MP4 from /view',
    perTest,
    async () => {
      const promptId = await queuePrompt('a red fox running through snow', '/api');
      const entry = await history(promptId);
      expect(entry.status).toMatchObject({ status_str: 'success', completed: true });
      const [file] = entry.outputs['50'].images as Array<Record<string, string>>;
      expect(entry.outputs['50'].animated).toEqual([true]);
      const query = new URLSearchParams({
        filename: file?.filename ?? '',
        subfolder: file?.subfolder ?? '',
        type: file?.type ?? '',
      });
      const download = await fetch(`${running.emulator.url}/view?${query.toString()}`);
      expect(download.status).toBe(200);
      const bytes = Buffer.from(await download.arrayBuffer());
      expect(bytes.subarray(4, 8).toString('latin1')).toBe('ftyp');
    },
  );

  it('reports [moderate] as an execution_error', perTest, async () => {
    const entry = await history(await queuePrompt('a scene [moderate]'));
    expect(entry.status.status_str).toBe('error');
    const [event, data] = entry.status.messages.at(-1);
    expect(event).toBe('execution_error');
    expect(data.exception_message).toMatch(/flagged as NSFW/);
  });

  it('shows a running prompt in /queue and interrupts it', perTest, async () => {
    const promptId = await queuePrompt('forever [never]');
    await fetch(`${running.emulator.url}/history/${promptId}`, { headers: auth });
    const queue = (await (
      await fetch(`${running.emulator.url}/queue`, { headers: auth })
    ).json()) as any;
    expect(queue.queue_running.map((item: unknown[]) => item[1])).toContain(promptId);
    const interrupt = await fetch(`${running.emulator.url}/interrupt`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ prompt_id: promptId }),
    });
    expect(interrupt.status).toBe(200);
    const entry = await history(promptId);
    expect(entry.status.messages.at(-1)[0]).toBe('execution_interrupted');
  });

  it('rejects a node without class_type with the 400 validation shape', async () => {
    const response = await fetch(`${running.emulator.url}/prompt`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: { '1': { inputs: {} } } }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as Record<string, any>;
    expect(body.error.type).toBe('prompt_outputs_failed_validation');
    expect(Object.keys(body.node_errors)).toEqual(['1']);
  });

  it('answers a wrong bearer key with 401', async () => {
    const response = await fetch(`${running.emulator.url}/queue`, {
      headers: { authorization: 'Bearer wrong' },
    });
    expect(response.status).toBe(401);
  });
});
