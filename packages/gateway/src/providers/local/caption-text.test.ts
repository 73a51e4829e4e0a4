import { describe, expect, it } from 'vitest';
import { captionFontSize, captionText } from './caption-text.js';

describe('captionText', () => {
  it('keeps a short prompt verbatim', () => {
    expect(captionText(`a "cat": 100% \\ %{pts}`, 1280, 30)).toBe(`a "cat": 100% \\ %{pts}`);
  });

  it('turns control characters into single spaces', () => {
    expect(captionText('one\ntwo\u0000three\r\n\tfour', 1280, 30)).toBe('one two three four');
  });

  it('wraps onto at most two lines and marks what was cut', () => {
    const caption = captionText('word '.repeat(200), 320, 12) ?? '';
    const lines = caption.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]?.endsWith('…')).toBe(true);
    const limit = Math.floor((320 * 0.9) / (12 * 0.6));
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(limit);
  });

  it('cuts a word longer than a line', () => {
    const caption = captionText('x'.repeat(50), 160, 10) ?? '';
    expect(caption.split('\n')[0]).toBe('x'.repeat(24));
  });

  it('returns null for a blank prompt', () => {
    expect(captionText(' \n ', 640, 20)).toBeNull();
  });

  it('scales the font with the frame height', () => {
    expect(captionFontSize(720)).toBe(30);
    expect(captionFontSize(64)).toBe(10);
  });
});
