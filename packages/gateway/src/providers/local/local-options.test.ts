import { InvalidRequestError } from '@vgw/spec';
import { describe, expect, it } from 'vitest';
import { parseLocalOptions } from './local-options.js';

function paramOf(run: () => unknown): string | null {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidRequestError);
    return (error as InvalidRequestError).param;
  }
  throw new Error('expected an InvalidRequestError');
}

describe('parseLocalOptions', () => {
  it('accepts no options and the known ones', () => {
    expect(parseLocalOptions({})).toEqual({});
    expect(parseLocalOptions({ scene: 'mandelbrot', crf: 28 })).toEqual({
      scene: 'mandelbrot',
      crf: 28,
    });
  });

  it('rejects unknown keys, naming them', () => {
    expect(paramOf(() => parseLocalOptions({ quality: 'max' }))).toBe(
      'provider_options.local.quality',
    );
  });

  it('rejects bad values, naming the key', () => {
    expect(paramOf(() => parseLocalOptions({ crf: 12 }))).toBe('provider_options.local.crf');
    expect(paramOf(() => parseLocalOptions({ crf: 20.5 }))).toBe('provider_options.local.crf');
    expect(paramOf(() => parseLocalOptions({ scene: 'testcard' }))).toBe(
      'provider_options.local.scene',
    );
  });
});
