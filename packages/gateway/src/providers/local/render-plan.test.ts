import { describe, expect, it } from 'vitest';
import { sceneNames } from './local-options.js';
import { buildRenderPlan, chooseScene, type RenderPlanInput } from './render-plan.js';

const base: RenderPlanInput = {
  prompt: 'a lighthouse in a storm',
  seed: 42,
  seconds: 4,
  width: 1280,
  height: 720,
  fps: 24,
  inputReferencePath: null,
  options: {},
  drawCaption: true,
  encoderThreads: 4,
};

function argAfter(args: string[], flag: string, occurrence = 0): string | undefined {
  const positions = args.flatMap((arg, index) => (arg === flag ? [index] : []));
  const position = positions[occurrence];
  return position != null ? args[position + 1] : undefined;
}

function graphOf(input: RenderPlanInput): string {
  return argAfter(buildRenderPlan(input).args, '-filter_complex') ?? '';
}

describe('buildRenderPlan', () => {
  it('is deterministic: the same input gives the same arguments', () => {
    expect(buildRenderPlan(base)).toEqual(buildRenderPlan({ ...base }));
  });

  it('gives different scenes for different prompts or seeds', () => {
    expect(graphOf({ ...base, seed: 43 })).not.toBe(graphOf(base));
    expect(graphOf({ ...base, prompt: 'a lighthouse in a storm!' })).not.toBe(graphOf(base));
    const scenes = new Set(
      Array.from({ length: 40 }, (_, seed) => chooseScene('the same prompt', seed, {})),
    );
    expect([...scenes].sort()).toEqual([...sceneNames].sort());
  });

  it('lets provider options force the scene and the crf', () => {
    for (const scene of sceneNames) {
      const plan = buildRenderPlan({ ...base, options: { scene, crf: 30 } });
      expect(plan.scene).toBe(scene);
      expect(argAfter(plan.args, '-filter_complex')).toContain(
        `${scene === 'orbits' ? 'color' : scene}=`,
      );
      expect(argAfter(plan.args, '-crf')).toBe('30');
    }
  });

  it('asks for exactly round(seconds * fps) frames at the requested size and rate', () => {
    const plan = buildRenderPlan({ ...base, seconds: 3, fps: 30, width: 640, height: 360 });
    expect(plan.totalFrames).toBe(90);
    expect(argAfter(plan.args, '-frames:v')).toBe('90');
    expect(argAfter(plan.args, '-filter_complex')).toContain('rate=30');
    expect(argAfter(plan.args, '-filter_complex')).toContain('trim=end_frame=90');
    expect(argAfter(plan.args, '-filter_complex')).toContain('scale=640:360');
    expect(plan.args).toEqual(expect.arrayContaining(['libx264', 'yuv420p', '+faststart']));
    expect(plan.args.slice(-1)).toEqual(['spritesheet.jpg']);
  });

  it('keeps the prompt out of the arguments: it reaches drawtext through caption.txt', () => {
    const prompt = `it's 100% "quoted": a\\b; $(rm -rf /) %{pts} [label],x=1`;
    const plan = buildRenderPlan({ ...base, prompt });
    expect(plan.caption).toBe(prompt);
    for (const arg of plan.args) expect(arg).not.toContain('rm -rf');
    expect(argAfter(plan.args, '-filter_complex')).toContain(
      'drawtext=textfile=caption.txt:expansion=none',
    );
  });

  it('leaves the caption out when ffmpeg cannot draw text or the prompt is blank', () => {
    for (const plan of [
      buildRenderPlan({ ...base, drawCaption: false }),
      buildRenderPlan({ ...base, prompt: ' \n\t ' }),
    ]) {
      expect(plan.caption).toBeNull();
      expect(argAfter(plan.args, '-filter_complex')).not.toContain('drawtext');
    }
  });

  it('sizes the thumbnail to at most 1280 wide and the spritesheet to at most 2048 wide', () => {
    const large = buildRenderPlan({ ...base, width: 1920, height: 1080 });
    expect(large.thumbnail).toEqual({ width: 1280, height: 720 });
    expect(large.spritesheet.width).toBeLessThanOrEqual(2048);
    expect(large.spritesheet).toMatchObject({ columns: 5, rows: 2 });
    const small = buildRenderPlan({ ...base, width: 320, height: 240, seconds: 1, fps: 3 });
    expect(small.thumbnail).toEqual({ width: 320, height: 240 });
    expect(small.spritesheet).toEqual({ width: 960, height: 240, columns: 3, rows: 1 });
  });

  it('reads an input image as a file, shown first and faded out', () => {
    const plan = buildRenderPlan({ ...base, inputReferencePath: '/store/ab:cd.png' });
    expect(argAfter(plan.args, '-i')).toBe('file:/store/ab:cd.png');
    const graph = argAfter(plan.args, '-filter_complex') ?? '';
    expect(graph).toContain('[0:v]scale=1280:720:force_original_aspect_ratio=decrease');
    expect(graph).toContain('fade=t=out');
    expect(graph).toContain('overlay=eof_action=pass');
  });

  it('pins the encoder threads and asks for bit-exact output', () => {
    const plan = buildRenderPlan({ ...base, encoderThreads: 3 });
    expect(argAfter(plan.args, '-threads')).toBe('3');
    expect(argAfter(plan.args, '-flags')).toBe('+bitexact');
    expect(argAfter(plan.args, '-fflags')).toBe('+bitexact');
  });
});
