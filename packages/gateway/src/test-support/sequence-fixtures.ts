import { completeVideos, createFileVideoModel, renderTestClip } from './clip-fixtures.js';
import type { TestDatabaseKind } from './test-databases.js';
import { createTestGateway, type TestGateway, type TestGatewayOptions } from './test-gateway.js';

/** Three real clips as completed videos: two at 24 fps 160x90, one at 25 fps 320x180 with audio. */
export interface SequenceFixture {
  gateway: TestGateway;
  /** `[a, b, c]`: a = 48 f @ 24, b = 50 f @ 25 (320x180, audio), c = 30 f @ 24. */
  videoIds: [string, string, string];
  /** A JSON request with the test key; the body is sent as JSON when given. */
  request(method: string, path: string, body?: unknown): Promise<Response>;
}

export async function createSequenceFixture(
  kind: TestDatabaseKind,
  directory: string,
  options: TestGatewayOptions = {},
): Promise<SequenceFixture> {
  const files = [
    await renderTestClip(directory, { name: `a-${kind}`, frames: 48 }),
    await renderTestClip(directory, {
      ...{ name: `b-${kind}`, frames: 50, rate: '25', width: 320, height: 180, audio: true },
    }),
    await renderTestClip(directory, { name: `c-${kind}`, frames: 30 }),
  ];
  const prompts = ['A red kite over a foggy beach', 'Waves at dusk, slow pan', 'Ça va? Neon rain'];
  const model = createFileVideoModel(
    Object.fromEntries(prompts.map((prompt, index) => [prompt, files[index] as string])),
  );
  const gateway = await createTestGateway(kind, [model], options);
  const ids = await completeVideos(gateway, prompts);
  const request = async (method: string, path: string, body?: unknown) =>
    gateway.app.request(
      path,
      gateway.authorized({
        method,
        ...(body !== undefined
          ? {
              body: typeof body === 'string' ? body : JSON.stringify(body),
              headers: { 'content-type': 'application/json' },
            }
          : {}),
      }),
    );
  return { gateway, videoIds: ids as [string, string, string], request };
}
