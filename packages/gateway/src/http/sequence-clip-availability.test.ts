import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../auth/api-keys.js';
import { createSequenceFixture, type SequenceFixture } from '../test-support/sequence-fixtures.js';
import { useScratchDirectory } from '../test-support/scratch-directory.js';
import { testDatabaseKinds } from '../test-support/test-databases.js';

const scratch = useScratchDirectory('vgw-sequence-clips-');

async function json(response: Response) {
  return (await response.json()) as Record<string, any>;
}

describe.each(testDatabaseKinds())('sequence clips whose videos are not usable, on %s', (kind) => {
  let fixture: SequenceFixture;

  beforeAll(async () => {
    fixture = await createSequenceFixture(kind, scratch.path);
  });
  afterAll(async () => fixture.gateway.dispose());

  const create = (clips: unknown[]) => fixture.request('POST', '/v1/sequences', { fps: 24, clips });
  const errorOf = async (response: Response) => {
    const { error } = await json(response);
    return [response.status, error.param, error.code, error.message];
  };

  it('refuses queued and failed videos, and another project’s, naming the clip', async () => {
    const queued = (
      await json(await fixture.gateway.postVideo({ prompt: 'Waves at dusk, slow pan' }))
    ).id;
    const [a] = fixture.videoIds;
    expect(await errorOf(await create([{ video_id: a }, { video_id: queued }]))).toEqual([
      400,
      'clips[1].video_id',
      'video_not_completed',
      expect.stringContaining('is queued'),
    ]);
    await fixture.gateway.test.database.query(`update videos set status = 'failed' where id = $1`, [
      queued,
    ]);
    expect((await errorOf(await create([{ video_id: queued }])))[3]).toContain('is failed');
    const other = await createApiKey(fixture.gateway.test.database, 'another-project');
    const response = await fixture.gateway.app.request('/v1/sequences', {
      method: 'POST',
      headers: { authorization: `Bearer ${other.key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ fps: 24, clips: [{ video_id: a }] }),
    });
    expect(await errorOf(response)).toEqual([
      400,
      'clips[0].video_id',
      'video_not_found',
      expect.stringContaining('does not exist in this project'),
    ]);
    // Nor can another project read, change or export this project's sequences.
    const mine = (await json(await create([{ video_id: a }]))).id;
    const asOther = await fixture.gateway.app.request(`/v1/sequences/${mine}`, {
      headers: { authorization: `Bearer ${other.key}` },
    });
    expect(asOther.status).toBe(404);
  });

  it('flags a clip whose video was deleted, refuses it in new cuts and its export with 409', async () => {
    const [extra] = await (async () => {
      const created = await json(await fixture.gateway.postVideo({ prompt: 'Ça va? Neon rain' }));
      await fixture.gateway.drain(fixture.gateway.newWorker());
      return [created.id as string];
    })();
    const [a] = fixture.videoIds;
    const id = (await json(await create([{ video_id: a }, { video_id: extra }]))).id;
    expect((await fixture.request('DELETE', `/v1/videos/${extra}`)).status).toBe(200);
    const view = await json(await fixture.request('GET', `/v1/sequences/${id}`));
    expect(view.warnings).toEqual([
      { code: 'clip_unavailable', message: expect.stringContaining(extra), clip: 1 },
    ]);
    expect(view.duration_frames).toBe(48);
    expect((await errorOf(await create([{ video_id: extra }])))[2]).toBe('video_deleted');
    const exported = await fixture.request('GET', `/v1/sequences/${id}/export?format=otio`);
    expect(await errorOf(exported)).toEqual([
      409,
      'clips[1].video_id',
      'clip_unavailable',
      expect.stringContaining('replace or remove clip 1'),
    ]);
    // The remedy the message names works: replace the clips, and the warning is gone.
    const fixed = await json(
      await fixture.request('PATCH', `/v1/sequences/${id}`, { clips: [{ video_id: a }] }),
    );
    expect(fixed.warnings).toEqual([]);
  });

  it('answers bad export parameters and an empty sequence with 400s', async () => {
    const [a] = fixture.videoIds;
    const id = (await json(await create([{ video_id: a }]))).id;
    const exportWith = (query: string) =>
      fixture.request('GET', `/v1/sequences/${id}/export${query}`);
    expect((await errorOf(await exportWith('')))[1]).toBe('format');
    expect((await errorOf(await exportWith('?format=aaf')))[1]).toBe('format');
    expect((await errorOf(await exportWith('?format=edl&version=1.9')))[1]).toBe('version');
    expect((await errorOf(await exportWith('?format=fcpxml&version=2.0')))[1]).toBe('version');
    expect((await fixture.request('GET', '/v1/sequences/seq_nope/export?format=edl')).status).toBe(
      404,
    );
    // Only a row from outside the API can be empty; the export still says so clearly.
    await fixture.gateway.test.database.query(`update sequences set clips = '[]' where id = $1`, [
      id,
    ]);
    expect(await errorOf(await exportWith('?format=edl'))).toEqual([
      400,
      'clips',
      'sequence_empty',
      expect.stringContaining('no clips'),
    ]);
  });
});
