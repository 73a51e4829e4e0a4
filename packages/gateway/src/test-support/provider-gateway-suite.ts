import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { bundledBinaryPaths } from '../media/bundled-binaries.js';
import { probeVideo, type VideoProbe } from '../media/probe-video.js';
import type { EmulatedGatewayFixture } from './emulated-gateway-fixture.js';
import type { EmulatedGateway } from './emulated-provider.js';
import type { TestDatabaseKind } from './test-databases.js';

/** Shared helpers and the standard emulator trigger cases for `<provider>-gateway.test.ts`. */

export const gatewayTestTimeout = { timeout: 120_000 };

/** POSTs /v1/videos and expects it accepted; answers the created video. */
export async function createVideoThrough(
  harness: EmulatedGateway,
  body: Record<string, unknown>,
): Promise<Record<string, any>> {
  const response = await harness.gateway.postVideo(body);
  const video = (await response.json()) as Record<string, any>;
  expect(response.status, JSON.stringify(video)).toBe(200);
  return video;
}

export async function fetchVideo(
  harness: EmulatedGateway,
  id: string,
): Promise<Record<string, any>> {
  const response = await harness.gateway.app.request(
    `/v1/videos/${id}`,
    harness.gateway.authorized(),
  );
  return (await response.json()) as Record<string, any>;
}

/** The details of a video's events of one type, oldest first. */
export async function videoEvents(
  harness: EmulatedGateway,
  id: string,
  type: string,
): Promise<Array<Record<string, any>>> {
  const { rows } = await harness.gateway.test.database.query<{ detail: Record<string, any> }>(
    `select detail from video_events where video_id = $1 and type = $2 order by id`,
    [id, type],
  );
  return rows.map((row) => row.detail);
}

/** Pulls a video's deadline into the past, so the next pass ends it. */
export async function expireDeadline(harness: EmulatedGateway, id: string): Promise<void> {
  await harness.gateway.test.database.query(
    `update videos set deadline_at = now() - interval '1 second' where id = $1`,
    [id],
  );
}

/** Moves the stored operation's start to the epoch, past the adapter's own render budget. */
export async function expireRenderBudget(harness: EmulatedGateway, id: string): Promise<void> {
  await harness.gateway.test.database.query(
    `update videos set operation = jsonb_set(operation, '{startedAt}', '0') where id = $1`,
    [id],
  );
}

/** Settles a video; one that only keeps retrying past `firstMs` is expired, then settled. */
export async function settleOrExpire(
  harness: EmulatedGateway,
  id: string,
  firstMs: number,
  expire: (harness: EmulatedGateway, id: string) => Promise<void> = expireDeadline,
): Promise<Record<string, any>> {
  try {
    return await harness.settle(id, firstMs);
  } catch {
    await expire(harness, id);
    return harness.settle(id, 30_000);
  }
}

/** Downloads a video's content (expecting 200) into `file` and probes it with ffprobe. */
export async function downloadAndProbe(
  harness: EmulatedGateway,
  id: string,
  file: string,
  options: { decode?: boolean } = {},
): Promise<{ content: Response; probe: VideoProbe }> {
  const content = await harness.gateway.app.request(
    `/v1/videos/${id}/content`,
    harness.gateway.authorized(),
  );
  expect(content.status).toBe(200);
  await writeFile(file, Buffer.from(await content.arrayBuffer()));
  const probe = await probeVideo(bundledBinaryPaths().ffprobePath, file, options);
  return { content, probe };
}

/**
 * Creates a video, settles it expecting `completed`, then downloads its content into the
 * fixture's folder (as `<id>.mp4` unless `file` is given) and probes it.
 */
export async function renderThrough(
  fixture: EmulatedGatewayFixture,
  body: Record<string, unknown>,
  options: { settleMs?: number; file?: string; probe?: { decode?: boolean } } = {},
): Promise<{
  created: Record<string, any>;
  video: Record<string, any>;
  content: Response;
  probe: VideoProbe;
}> {
  const created = await createVideoThrough(fixture.harness, body);
  const id = created.id as string;
  const video = await fixture.harness.settle(id, options.settleMs ?? 90_000);
  expect(video.status, JSON.stringify(video.error)).toBe('completed');
  const file = fixture.directory.file(options.file ?? `${id}.mp4`);
  const { content, probe } = await downloadAndProbe(fixture.harness, id, file, options.probe);
  return { created, video, content, probe };
}

/** The emulator triggers the standard cases know (each emulator documents which it honours). */
export type ReliabilityTrigger =
  | 'moderate'
  | 'moderate-output'
  | '429'
  | '429-once'
  | '500-once'
  | 'flap'
  | 'fail'
  | 'garbage'
  | 'no-url'
  | 'metadata-url'
  | 'loopback-url';

/** What one provider's video ends as for one trigger; every field given is asserted. */
export interface TriggerExpectation {
  /** The video's final status, asserted exactly. */
  status?: 'completed' | 'failed';
  /** Matched against `video.error` with toMatchObject. */
  error?: Record<string, unknown>;
  /** `video.error.code`: exactly, by pattern, or one of a list. */
  code?: string | RegExp | readonly string[];
  /** `video.error.message`: by pattern, or containing a string. */
  message?: RegExp | string;
  /** Further triggers in the same prompt (e.g. `[flap] [500-once]`). */
  alsoTriggers?: readonly string[];
  /** How long `settle` waits (default: the harness's 60 s). */
  settleMs?: number;
  /**
   * For videos that only end by expiring: settle this long first, then expire the video
   * (its deadline, or with `expireBy: 'render-budget'` the adapter's render budget).
   */
  expireAfterMs?: number;
  expireBy?: 'deadline' | 'render-budget';
  /** The test's name (default: the trigger and the expected outcome). */
  title?: string;
}

/**
 * What every emulated provider's video ends as for these triggers, the gateway handling them
 * alike: a provider's table spreads these first, then gives its own outcomes.
 */
export const sharedOutcomes = {
  moderate: { status: 'failed', error: { code: 'content_policy_violation', param: 'prompt' } },
  'moderate-output': {
    status: 'failed',
    error: { code: 'content_policy_violation', param: 'output' },
    settleMs: 90_000,
  },
  flap: { status: 'completed', settleMs: 90_000 },
  'no-url': { status: 'failed', code: 'no_output', settleMs: 90_000 },
} as const satisfies Partial<Record<ReliabilityTrigger, TriggerExpectation>>;

export interface StandardReliabilityOptions {
  kind: TestDatabaseKind;
  harness: () => EmulatedGateway;
  /** The gateway model name, e.g. `luma/ray-flash-2`. */
  model: string;
  /** The rest of the create body (seconds, size, ...). */
  request: Record<string, unknown>;
  /** The prompt carrying the trigger markers (default: `a scene [<trigger>] ...`). */
  prompt?: (triggers: string) => string;
  /** One test per trigger given, in this order. */
  expectations: Partial<Record<ReliabilityTrigger, TriggerExpectation>>;
}

function describeOutcome(expectation: TriggerExpectation): string {
  const code =
    expectation.code instanceof RegExp
      ? String(expectation.code)
      : Array.isArray(expectation.code)
        ? expectation.code.join(' or ')
        : (expectation.code ?? (expectation.error?.code as string | undefined));
  const status = expectation.status ?? 'settled';
  return code != null ? `ends ${status} with ${code}` : `ends ${status}`;
}

/** Registers the standard emulator trigger cases for one provider. */
export function describeStandardReliability(options: StandardReliabilityOptions): void {
  const prompt = options.prompt ?? ((triggers: string) => `a scene ${triggers}`);
  describe(`standard reliability triggers (${options.kind})`, () => {
    for (const [trigger, expectation] of Object.entries(options.expectations)) {
      if (expectation == null) continue;
      const triggers = [trigger, ...(expectation.alsoTriggers ?? [])]
        .map((each) => `[${each}]`)
        .join(' ');
      const title = expectation.title ?? describeOutcome(expectation);
      it(`${triggers} ${title}`, gatewayTestTimeout, async () => {
        const harness = options.harness();
        const created = await createVideoThrough(harness, {
          model: options.model,
          prompt: prompt(triggers),
          ...options.request,
        });
        const id = created.id as string;
        const video =
          expectation.expireAfterMs != null
            ? await settleOrExpire(
                harness,
                id,
                expectation.expireAfterMs,
                expectation.expireBy === 'render-budget' ? expireRenderBudget : expireDeadline,
              )
            : await harness.settle(id, expectation.settleMs);
        expectOutcome(video, expectation);
      });
    }
  });
}

/** Asserts every field an expectation gives against a settled video. */
export function expectOutcome(video: Record<string, any>, expectation: TriggerExpectation): void {
  if (expectation.status != null) {
    expect(video.status, JSON.stringify(video.error)).toBe(expectation.status);
  }
  if (expectation.error != null) expect(video.error).toMatchObject(expectation.error);
  const { code, message } = expectation;
  if (typeof code === 'string') expect(video.error?.code).toBe(code);
  else if (code instanceof RegExp) expect(video.error?.code).toMatch(code);
  else if (code != null) expect(code).toContain(video.error?.code);
  if (typeof message === 'string') expect(video.error?.message).toContain(message);
  else if (message != null) expect(video.error?.message).toMatch(message);
}
