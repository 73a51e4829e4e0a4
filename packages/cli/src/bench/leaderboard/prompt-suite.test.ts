import { describe, expect, it } from 'vitest';
import { promptSuiteSchema } from './prompt-suite.js';

describe('promptSuiteSchema', () => {
  it('reads a flat list as it is', () => {
    const prompts = [{ id: 'a', shot: 'static', prompt: 'a still room' }];
    expect(promptSuiteSchema.parse(prompts)).toEqual(prompts);
  });

  it('flattens prompts grouped by shot type, in file order', () => {
    const suite = {
      static: [{ id: 'room', prompt: 'a still room' }],
      water_smoke: [
        { id: 'waves', prompt: 'waves' },
        { id: 'smoke', prompt: 'smoke' },
      ],
    };
    expect(promptSuiteSchema.parse(suite)).toEqual([
      { id: 'room', shot: 'static', prompt: 'a still room' },
      { id: 'waves', shot: 'water_smoke', prompt: 'waves' },
      { id: 'smoke', shot: 'water_smoke', prompt: 'smoke' },
    ]);
  });

  it('rejects duplicate ids, ids unfit for file names, empty suites and prompts', () => {
    const twice = [
      { id: 'a', shot: 'static', prompt: 'x' },
      { id: 'a', shot: 'people', prompt: 'y' },
    ];
    expect(promptSuiteSchema.safeParse(twice).error?.issues[0]?.message).toBe(
      'prompt id "a" appears twice',
    );
    expect(promptSuiteSchema.safeParse([{ id: '../x', shot: 's', prompt: 'x' }]).success).toBe(
      false,
    );
    expect(promptSuiteSchema.safeParse([]).success).toBe(false);
    expect(promptSuiteSchema.safeParse({}).success).toBe(false);
    expect(promptSuiteSchema.safeParse({ static: [{ id: 'a', prompt: '' }] }).success).toBe(false);
  });
});
