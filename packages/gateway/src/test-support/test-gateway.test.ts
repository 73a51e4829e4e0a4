import { afterEach, describe, expect, it } from 'vitest';
import { createFakeVideoModel } from './fake-video-model.js';
import { testDatabaseKinds } from './test-databases.js';
import { createTestGateway, type TestGateway } from './test-gateway.js';

/** A provider that finishes at once, naming `url` as its output. */
function modelAnswering(url: string) {
  return createFakeVideoModel({
    statusScript: () => ({
      status: 'completed',
      videos: [{ variant: 'video', kind: 'url', url, mediaType: 'video/mp4' }],
    }),
  });
}

describe.each(testDatabaseKinds())('downloads from a test gateway on %s', (kind) => {
  let gateway: TestGateway | null = null;
  afterEach(async () => {
    await gateway?.dispose();
    gateway = null;
  });

  async function renderFrom(url: string, options: { allowLoopbackDownloads?: boolean } = {}) {
    gateway = await createTestGateway(kind, [modelAnswering(url)], options);
    const response = await gateway.postVideo({ prompt: 'where do the bytes come from' });
    expect(response.status).toBe(200);
    const { id } = (await response.json()) as { id: string };
    await gateway.drain(gateway.newWorker());
    const { rows } = await gateway.test.database.query<{ status: string; error: any }>(
      'select status, error from videos where id = $1',
      [id],
    );
    const files = await gateway.test.database.query(
      'select 1 from video_files where video_id = $1',
      [id],
    );
    return { ...rows[0], files: files.rowCount };
  }

  it.each([
    'http://10.0.0.1/v.mp4',
    'http://169.254.169.254/latest/meta-data/v.mp4',
    'http://[::ffff:10.0.0.1]/v.mp4',
    'http://127.0.0.1:1/v.mp4',
  ])('refuses %s before fetching it, as production does', async (url) => {
    const video = await renderFrom(url);
    expect(video).toMatchObject({
      status: 'failed',
      error: { code: 'unsafe_url', retryable: false, message: /private address/ },
      files: 0,
    });
  });

  it('lets an emulator allowance reach loopback only, never another private address', async () => {
    const metadata = await renderFrom('http://169.254.169.254/v.mp4', {
      allowLoopbackDownloads: true,
    });
    expect(metadata.error).toMatchObject({ code: 'unsafe_url', message: /private address/ });
    await gateway?.dispose();
    // Port 1 is closed: the check let the request through, and the connection itself failed.
    const loopback = await renderFrom('http://127.0.0.1:1/v.mp4', {
      allowLoopbackDownloads: true,
    });
    expect(loopback).toMatchObject({ status: 'failed', error: { code: 'download_failed' } });
    expect(loopback.error.message).not.toMatch(/private address/);
  });
});
