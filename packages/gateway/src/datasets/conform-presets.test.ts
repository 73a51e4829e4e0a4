import { describe, expect, it } from 'vitest';
import { conformPlan, conformPresets } from './conform-presets.js';

const source = (frames: number, numerator: number, denominator = 1) => ({
  frames,
  rate: { numerator, denominator },
  width: 1280,
  height: 720,
});

describe('conformPlan', () => {
  it('resamples, trims to 4n+1 and crops to /16 for Wan', () => {
    // 121 frames at 24 fps hold 80 frames at 16 fps: 77 is the longest 4n+1.
    expect(conformPlan(source(121, 24), conformPresets.wan)).toEqual({
      ok: true,
      frames: 77,
      width: 1280,
      height: 720,
      fps: 16,
    });
  });

  it('takes /32 and 8n+1 for LTX: 720 crops to 704', () => {
    const plan = conformPlan(source(120, 24000, 1001), conformPresets.ltx);
    // 120 frames at 23.976 are 5.005 s, which hold 125 frames at 25 fps: 121 = 8·15 + 1.
    expect(plan).toEqual({ ok: true, frames: 121, width: 1280, height: 704, fps: 25 });
  });

  it('keeps an exact 4n+1 at the native rate', () => {
    expect(conformPlan(source(129, 24), conformPresets.hunyuan)).toMatchObject({ frames: 129 });
  });

  it('refuses clips too short or too small', () => {
    expect(conformPlan(source(8, 24), conformPresets.ltx)).toEqual({
      ok: false,
      reason: 'too_short',
    });
    expect(conformPlan({ ...source(48, 24), height: 20 }, conformPresets.ltx)).toEqual({
      ok: false,
      reason: 'too_small',
    });
  });

  it('always plans a valid count no longer than the resampled clip', () => {
    for (const preset of Object.values(conformPresets)) {
      for (let frames = 1; frames < 400; frames += 7) {
        const plan = conformPlan(source(frames, 30000, 1001), preset);
        if (!plan.ok) continue;
        expect((plan.frames - 1) % preset.frameStep).toBe(0);
        expect(plan.frames).toBeLessThanOrEqual((frames * preset.fps * 1001) / 30000);
        expect(plan.width % preset.sideMultiple).toBe(0);
      }
    }
  });
});
