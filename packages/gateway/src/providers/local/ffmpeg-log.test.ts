import { describe, expect, it } from 'vitest';
import { blamesInputReference, progressFrame, usefulLogLines } from './ffmpeg-log.js';

describe('usefulLogLines', () => {
  it('keeps the last error lines, without fontconfig noise or input paths', () => {
    const log = [
      'Fontconfig warning: line 5: unknown element "description"',
      '[png @ 0x8e16a40] chunk too big',
      '[png @ 0x8e19d00] chunk too big',
      'file:/var/vgw/blobs/ab/cdef.png: Invalid data found when processing input',
      '',
    ].join('\n');
    expect(usefulLogLines(log)).toBe(
      '[png] chunk too big\ninput_reference: Invalid data found when processing input',
    );
    expect(blamesInputReference(log)).toBe(true);
  });

  it('bounds the message', () => {
    const log = Array.from({ length: 50 }, (_, index) => `error ${index} ${'x'.repeat(400)}`);
    const text = usefulLogLines(log.join('\n'));
    expect(text.length).toBeLessThanOrEqual(1001);
    expect(text).toContain('error 49');
  });
});

describe('progressFrame', () => {
  it('reads the last frame number of a -progress file', () => {
    const progress = 'frame=3\nfps=0.0\nprogress=continue\nframe=17\nout_time_us=1\n';
    expect(progressFrame(progress)).toBe(17);
    expect(progressFrame('')).toBe(0);
  });
});
