import { describe, expect, it } from 'vitest';
import { renderSize } from './emulator-definition.js';

describe('renderSize', () => {
  it.each([
    ['1280x720', { width: 640, height: 360 }],
    ['320x240', { width: 320, height: 240 }],
    ['16:9', { width: 640, height: 360 }],
    ['9:16', { width: 360, height: 640 }],
    ['1:1', { width: 640, height: 640 }],
    ['1280:720', { width: 640, height: 360 }],
    ['nonsense', { width: 640, height: 360 }],
    [null, { width: 640, height: 360 }],
  ])('reads %s as a small render of that shape', (value, expected) => {
    expect(renderSize(value)).toEqual(expected);
  });
});
