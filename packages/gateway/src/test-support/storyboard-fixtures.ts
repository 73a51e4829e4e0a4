import type { VideoModelV1 } from '@vgw/spec';
import { renderTestClip, type TestClipSpec } from './clip-fixtures.js';
import { completedWithFiles, createFakeVideoModel } from './fake-video-model.js';
import type { FakeVideoModel } from './fake-video-model.js';
import type { TestGateway } from './test-gateway.js';

/** Renders clips named by prompt into `directory` (test only). */
export async function renderClips(
  directory: string,
  specs: TestClipSpec[],
): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const spec of specs) files[spec.name] = await renderTestClip(directory, spec);
  return files;
}

/**
 * An engine that finishes each render with the clip named for its prompt, and fails the
 * prompts in `failing` with `render_failed`; it records every start call.
 */
export function clipModel(
  files: Record<string, string>,
  options: { failing?: string[]; modelId?: string } = {},
): FakeVideoModel {
  const failing = new Set(options.failing ?? []);
  return createFakeVideoModel({
    modelId: options.modelId ?? 'fake-1',
    startScript: (call) => {
      if (failing.has(call.prompt)) return { operation: { fail: call.prompt }, warnings: [] };
      const file = files[call.prompt];
      if (file == null) throw new Error(`no test clip for the prompt "${call.prompt}"`);
      return { operation: { file }, warnings: [] };
    },
    statusScript: (_checks, operation) => {
      const { file, fail } = operation as { file?: string; fail?: string };
      if (fail != null) {
        return {
          status: 'failed',
          error: {
            code: 'render_failed',
            message: `the engine broke on "${fail}"`,
            retryable: false,
          },
        };
      }
      return completedWithFiles('/', { video: file as string });
    },
  });
}

/** The same engine with no image input, under another id. */
export function textOnlyModel(files: Record<string, string>): VideoModelV1 {
  const model = clipModel(files, { modelId: 'text-only' });
  return { ...model, capabilities: { ...model.capabilities, imageInput: false } };
}

export async function postStoryboard(
  gateway: TestGateway,
  body: Record<string, unknown>,
): Promise<{ status: number; body: Record<string, any> }> {
  const response = await gateway.postJson('/v1/storyboards', body);
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

export async function getStoryboard(
  gateway: TestGateway,
  id: string,
): Promise<Record<string, any>> {
  const response = await gateway.app.request(`/v1/storyboards/${id}`, gateway.authorized());
  return (await response.json()) as Record<string, any>;
}

/** Runs the gateway's workers (videos and storyboards) until nothing is due. */
export async function drainAll(gateway: TestGateway): Promise<void> {
  const worker = gateway.newWorker();
  await gateway.drain(worker, 200);
  await worker.stop({ graceMs: 0 });
}
