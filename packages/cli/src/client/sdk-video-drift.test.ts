import { videoObjectSchema, type VideoEstimateObject, type VideoObject } from '@vgw/gateway';
import type { Video, VideoEstimate } from '@vgw/sdk';
import { describe, expect, expectTypeOf, it } from 'vitest';

/**
 * A zod-inferred type as JSON carries it: JSON has no `undefined`, so an optional field is either
 * there with a value or absent (zod 4.1 infers `field?: T | undefined`).
 */
type AsJson<T> = T extends (infer Item)[]
  ? AsJson<Item>[]
  : T extends object
    ? { [K in keyof T as undefined extends T[K] ? never : K]: AsJson<T[K]> } & {
        [K in keyof T as undefined extends T[K] ? K : never]?: AsJson<Exclude<T[K], undefined>>;
      }
    : T;

/**
 * The SDK's `Video` is hand-written so the SDK has no dependencies; the gateway's is inferred
 * from its wire schema. This is where the two meet, so either changing alone fails here.
 */
describe("the SDK's Video and the gateway's wire schema", () => {
  it('name the same fields', () => {
    expectTypeOf<keyof Video>().toEqualTypeOf<keyof VideoObject>();
    const sdkFields: Record<keyof Video, true> = {
      id: true,
      object: true,
      model: true,
      status: true,
      progress: true,
      created_at: true,
      completed_at: true,
      expires_at: true,
      prompt: true,
      seconds: true,
      size: true,
      remixed_from_video_id: true,
      error: true,
      provider: true,
      fps: true,
      seed: true,
      warnings: true,
      cost: true,
      attempts: true,
      scores: true,
      provenance: true,
      ratings: true,
    };
    expect(Object.keys(sdkFields).sort()).toEqual(Object.keys(videoObjectSchema.shape).sort());
  });

  it('type every video the gateway serves', () => {
    expectTypeOf<AsJson<VideoObject>>().toExtend<Video>();
    expectTypeOf<VideoObject['status']>().toEqualTypeOf<Video['status']>();
    expectTypeOf<AsJson<NonNullable<VideoObject['error']>>>().toExtend<
      NonNullable<Video['error']>
    >();
    expectTypeOf<AsJson<VideoObject['warnings'][number]>>().toExtend<Video['warnings'][number]>();
    expectTypeOf<NonNullable<VideoObject['cost']>>().toEqualTypeOf<NonNullable<Video['cost']>>();
  });

  it('type the estimate alike', () => {
    expectTypeOf<AsJson<VideoEstimateObject>>().toExtend<VideoEstimate>();
    expectTypeOf<keyof VideoEstimate>().toEqualTypeOf<keyof VideoEstimateObject>();
  });
});
