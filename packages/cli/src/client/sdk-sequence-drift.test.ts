import { sequenceObjectSchema, type SequenceObject } from '@vgw/gateway';
import type { Sequence } from '@vgw/sdk';
import { describe, expect, expectTypeOf, it } from 'vitest';

/**
 * The SDK's `Sequence` is hand-written (no dependencies); the gateway's is inferred from its
 * wire schema. Either changing alone fails here.
 */
describe("the SDK's Sequence and the gateway's wire schema", () => {
  it('name the same fields', () => {
    expectTypeOf<keyof Sequence>().toEqualTypeOf<keyof SequenceObject>();
    const sdkFields: Record<keyof Sequence, true> = {
      id: true,
      object: true,
      name: true,
      fps: true,
      drop_frame: true,
      rate: true,
      size: true,
      start_timecode: true,
      duration_frames: true,
      clips: true,
      warnings: true,
      created_at: true,
      updated_at: true,
    };
    expect(Object.keys(sdkFields).sort()).toEqual(Object.keys(sequenceObjectSchema.shape).sort());
  });

  it('type every sequence the gateway serves', () => {
    expectTypeOf<SequenceObject>().toExtend<Sequence>();
    expectTypeOf<SequenceObject['clips'][number]>().toEqualTypeOf<Sequence['clips'][number]>();
  });
});
