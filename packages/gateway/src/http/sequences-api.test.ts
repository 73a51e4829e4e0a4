import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSequenceFixture, type SequenceFixture } from '../test-support/sequence-fixtures.js';
import { useScratchDirectory } from '../test-support/scratch-directory.js';
import { testDatabaseKinds } from '../test-support/test-databases.js';

const scratch = useScratchDirectory('vgw-sequences-');

async function json(response: Response) {
  return (await response.json()) as Record<string, any>;
}

describe.each(testDatabaseKinds())('/v1/sequences on %s', (kind) => {
  let fixture: SequenceFixture;
  let a: string;
  let b: string;
  let c: string;

  beforeAll(async () => {
    fixture = await createSequenceFixture(kind, scratch.path);
    [a, b, c] = fixture.videoIds;
  });
  afterAll(async () => fixture.gateway.dispose());

  const create = (body: unknown) => fixture.request('POST', '/v1/sequences', body);

  it('creates a cut with the first clip’s size, 01:00:00:00 and a warning per mismatch', async () => {
    const response = await create({
      fps: 24,
      clips: [{ video_id: a }, { video_id: b, in: 5, out: 30 }, { video_id: c, track: 1 }],
    });
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(body.id).toMatch(/^seq_[0-9a-f]{32}$/);
    expect(body).toMatchObject({
      object: 'sequence',
      name: 'Untitled sequence',
      fps: '24',
      drop_frame: false,
      rate: { numerator: 24, denominator: 1 },
      size: '160x90',
      start_timecode: '01:00:00:00',
      clips: [
        { video_id: a, in: 0, out: 48, track: 1 },
        { video_id: b, in: 5, out: 30, track: 1 },
        { video_id: c, in: 0, out: 30, track: 1 },
      ],
      // 25 frames at 25 fps last 1 s: 24 frames at 24.
      duration_frames: 48 + 24 + 30,
    });
    expect(body.warnings.map((w: any) => [w.code, w.clip])).toEqual([
      ['mixed_rate', 1],
      ['mixed_size', 1],
    ]);
    expect(body.warnings[0].message).toContain('25 fps in a 24 fps sequence');
    expect(body.created_at).toBe(body.updated_at);
  });

  it('lists pages in order, and a deleted sequence is gone but still a cursor', async () => {
    const ids: string[] = [];
    for (const name of ['one', 'two', 'three']) {
      ids.push((await json(await create({ name, fps: '25', clips: [{ video_id: b }] }))).id);
    }
    const all = await json(await fixture.request('GET', '/v1/sequences?order=asc&limit=100'));
    const ours = all.data.filter((each: any) => ids.includes(each.id));
    expect(ours.map((each: any) => each.name)).toEqual(['one', 'two', 'three']);
    const page = await json(
      await fixture.request('GET', `/v1/sequences?order=asc&limit=1&after=${ids[0]}`),
    );
    expect(page).toMatchObject({ object: 'list', has_more: true, first_id: ids[1] });
    const deleted = await fixture.request('DELETE', `/v1/sequences/${ids[1]}`);
    expect(await json(deleted)).toEqual({ id: ids[1], object: 'sequence.deleted', deleted: true });
    const gone = await fixture.request('GET', `/v1/sequences/${ids[1]}`);
    expect(gone.status).toBe(404);
    expect((await json(gone)).error.param).toBe('sequence_id');
    expect((await fixture.request('DELETE', `/v1/sequences/${ids[1]}`)).status).toBe(404);
    const after = await json(
      await fixture.request('GET', `/v1/sequences?order=asc&limit=1&after=${ids[1]}`),
    );
    expect(after.data.map((each: any) => each.id)).toEqual([ids[2]]);
    const unknown = await fixture.request('GET', '/v1/sequences?after=seq_nope');
    expect(unknown.status).toBe(400);
    expect((await json(unknown)).error.param).toBe('after');
  });

  it('patches name, rate, size and clips, keeping the start label', async () => {
    const id = (await json(await create({ fps: 24, clips: [{ video_id: a }] }))).id;
    const patch = async (body: unknown) => fixture.request('PATCH', `/v1/sequences/${id}`, body);
    const renamed = await json(await patch({ name: 'Review Cut', fps: '29.97', drop_frame: true }));
    expect(renamed).toMatchObject({
      name: 'Review Cut',
      fps: '29.97',
      drop_frame: true,
      rate: { numerator: 30000, denominator: 1001 },
      start_timecode: '01:00:00;00',
    });
    const appended = await json(await patch({ append_clips: [{ video_id: c, in: 10 }] }));
    expect(appended.clips).toEqual([
      { video_id: a, in: 0, out: 48, track: 1 },
      { video_id: c, in: 10, out: 30, track: 1 },
    ]);
    const badAppend = await json(await patch({ append_clips: [{ video_id: c, out: 31 }] }));
    expect(badAppend.error.param).toBe('clips[2].out');
    const replaced = await json(await patch({ clips: [{ video_id: b }], size: '1920x1080' }));
    expect(replaced).toMatchObject({ size: '1920x1080', clips: [{ video_id: b, out: 50 }] });
    expect(replaced.updated_at).toBeGreaterThanOrEqual(replaced.created_at);
    const both = await patch({ clips: [{ video_id: a }], append_clips: [{ video_id: a }] });
    expect([both.status, (await json(both)).error.param]).toEqual([400, 'append_clips']);
    const empty = await json(await patch({ clips: [] }));
    expect([empty.error.param, empty.error.code]).toEqual(['clips', 'sequence_empty']);
    // 00:01:00;00 is skipped in drop-frame: a start that no longer names a frame is refused.
    const skipped = await json(await patch({ start_timecode: '00:01:00;00' }));
    expect(skipped.error.param).toBe('start_timecode');
    expect((await patch({ name: 'x' })).status).toBe(200);
    expect((await fixture.request('PATCH', '/v1/sequences/seq_nope', { name: 'x' })).status).toBe(
      404,
    );
  });

  it.each([
    [{ fps: '23.98' }, 'fps', 'unsupported_frame_rate'],
    [{ fps: 24, drop_frame: true }, 'drop_frame', 'invalid_value'],
    [{ fps: '24DF' }, 'fps', 'invalid_value'],
    [{ fps: '29.97DF', drop_frame: false }, 'drop_frame', 'invalid_value'],
    [{ fps: true }, 'fps', 'invalid_value'],
    [{ fps: undefined }, 'fps', 'invalid_value'],
    [{ clips: [] }, 'clips', 'sequence_empty'],
    [{ clips: [{ video_id: 'video_nope' }] }, 'clips[0].video_id', 'video_not_found'],
    [{ clips: 'A' }, 'clips', 'invalid_value'],
    [{ clips: [{ video_id: 'A', in: 48 }] }, 'clips[0].in', 'invalid_value'],
    [{ clips: [{ video_id: 'A', out: 49 }] }, 'clips[0].out', 'invalid_value'],
    [{ clips: [{ video_id: 'A', in: 10, out: 10 }] }, 'clips[0].out', 'invalid_value'],
    [{ clips: [{ video_id: 'A', in: -1 }] }, 'clips[0].in', 'invalid_value'],
    [{ clips: [{ video_id: 'A', in: 1.5 }] }, 'clips[0].in', 'invalid_value'],
    [{ clips: [{ video_id: 'A', track: 0 }] }, 'clips[0].track', 'invalid_value'],
    [{ clips: [{ video_id: 'A', speed: 2 }] }, 'clips[0].speed', 'unknown_parameter'],
    [{ start_timecode: '1:00:00:00' }, 'start_timecode', 'invalid_value'],
    [{ start_timecode: '01:00:00:24' }, 'start_timecode', 'invalid_value'],
    [{ fps: '59.94DF', start_timecode: '00:03:00;03' }, 'start_timecode', 'invalid_value'],
    [{ size: '0x10' }, 'size', 'invalid_value'],
    [{ name: '' }, 'name', 'invalid_value'],
    [{ color: 'red' }, 'color', 'unknown_parameter'],
  ])('refuses %j naming %s', async (change, param, code) => {
    const swap = (clips: any[]) =>
      clips.map((clip) => ({ ...clip, video_id: clip.video_id === 'A' ? a : clip.video_id }));
    const body: Record<string, unknown> = { fps: 24, clips: [{ video_id: a }], ...change };
    if (Array.isArray(body.clips)) body.clips = swap(body.clips);
    const response = await create(body);
    const error = (await json(response)).error;
    expect([response.status, error.param, error.code]).toEqual([400, param, code]);
    expect(error.message).toContain(param === 'fps' && code !== 'invalid_value' ? '23.976' : '');
  });

  it('refuses a malformed body and a body that is not JSON', async () => {
    const broken = await create('{"fps": 24,');
    expect([broken.status, (await json(broken)).error.code]).toEqual([400, 'invalid_json']);
    const array = await create([1, 2]);
    expect((await json(array)).error.param).toBe('body');
  });
});
