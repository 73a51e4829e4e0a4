import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import OpenAI from 'openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { completedWithFiles, createFakeVideoModel } from '../test-support/fake-video-model.js';
import { testDatabaseKinds } from '../test-support/test-databases.js';
import { createTestGateway, type TestGateway } from '../test-support/test-gateway.js';
import { listeningOpenAIClient } from '../test-support/listening-openai-client.js';
import type { ListeningOpenAIClient } from '../test-support/listening-openai-client.js';

const videoBytes = Buffer.from('not really an mp4, but bytes the client must get back intact');
const thumbnailBytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);

/** The official openai package (v6), unchanged, against a real listening gateway. */
describe.each(testDatabaseKinds())('openai client contract on %s', (kind) => {
  let gateway: TestGateway;
  let listening: ListeningOpenAIClient;
  let client: OpenAI;

  beforeEach(async () => {
    const model = createFakeVideoModel({
      statusScript: () =>
        completedWithFiles(gateway.storageDir, { video: 'v.mp4', thumbnail: 't.jpg' }),
    });
    gateway = await createTestGateway(kind, [model]);
    await writeFile(join(gateway.storageDir, 'v.mp4'), videoBytes);
    await writeFile(join(gateway.storageDir, 't.jpg'), thumbnailBytes);
    listening = await listeningOpenAIClient(gateway);
    client = listening.client;
  });

  afterEach(async () => {
    await listening.close();
    await gateway.dispose();
  });

  it('creates, retrieves, downloads, lists and deletes', async () => {
    const created = await client.videos.create({
      prompt: 'a red fox in snow',
      seconds: '4',
      size: '1280x720',
    });
    expect(created).toMatchObject({
      object: 'video',
      status: 'queued',
      seconds: '4',
      size: '1280x720',
    });
    expect(created.model).toBe('fake/fake-1');

    await gateway.drain(gateway.newWorker());
    const done = await client.videos.retrieve(created.id);
    expect(done.status).toBe('completed');
    expect(done.progress).toBe(100);

    const video = await client.videos.downloadContent(created.id);
    expect(Buffer.from(await video.arrayBuffer())).toEqual(videoBytes);
    const thumbnail = await client.videos.downloadContent(created.id, { variant: 'thumbnail' });
    expect(thumbnail.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await thumbnail.arrayBuffer())).toEqual(thumbnailBytes);

    const deleted = await client.videos.delete(created.id);
    expect(deleted).toMatchObject({ id: created.id, object: 'video.deleted', deleted: true });
    await expect(client.videos.retrieve(created.id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
  });

  it('auto-paginates the list over several pages', async () => {
    const ids: string[] = [];
    for (let index = 0; index < 7; index += 1) {
      ids.push((await client.videos.create({ prompt: `clip ${index}` })).id);
    }
    const seen: string[] = [];
    for await (const video of client.videos.list({ limit: 3, order: 'asc' })) seen.push(video.id);
    expect(seen).toEqual(ids);
    const firstPage = await client.videos.list({ limit: 3 });
    expect(firstPage.data).toHaveLength(3);
    expect(firstPage.hasNextPage()).toBe(true);
  });

  it('raises the typed errors with the parameter named', async () => {
    const badSize = client.videos.create({ prompt: 'x', size: '1792x1024' });
    await expect(badSize).rejects.toBeInstanceOf(OpenAI.BadRequestError);
    await expect(badSize).rejects.toMatchObject({ status: 400, param: 'size' });
    await expect(client.videos.create({ prompt: 'x', model: 'sora-9' })).rejects.toMatchObject({
      status: 400,
      param: 'model',
    });
    await expect(client.videos.retrieve('video_missing')).rejects.toBeInstanceOf(
      OpenAI.NotFoundError,
    );
    const stranger = new OpenAI({ apiKey: 'vgw_sk_wrong', baseURL: client.baseURL, maxRetries: 0 });
    await expect(stranger.videos.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
  });
});
