import { describe, expect, it } from 'vitest';
import { encodePath, mediaPath, mediaUrl, toFileUrl, xmemlPathUrl } from './media-url.js';

describe('media URLs', () => {
  it('turns absolute paths into RFC 3986 file URLs', () => {
    expect(toFileUrl('/Users/editor/My Media/shot 1.mp4')).toBe(
      'file:///Users/editor/My%20Media/shot%201.mp4',
    );
    expect(toFileUrl('/srv/vidéo/ß#1?(a).mp4')).toBe(
      'file:///srv/vid%C3%A9o/%C3%9F%231%3F%28a%29.mp4',
    );
    expect(toFileUrl('C:\\Media\\a b.mp4')).toBe('file:///C:/Media/a%20b.mp4');
  });

  it('does not encode an already-encoded URL twice, and normalises a raw one', () => {
    const encoded = 'file:///Users/editor/My%20Media/a%25b.mp4';
    expect(mediaUrl(encoded)).toBe(encoded);
    expect(mediaUrl('file:///Users/editor/My Media/é.mp4')).toBe(
      'file:///Users/editor/My%20Media/%C3%A9.mp4',
    );
    expect(mediaUrl('file://localhost/Users/a.mp4')).toBe('file:///Users/a.mp4');
    expect(mediaUrl('file:///x/100%.mp4')).toBe('file:///x/100%25.mp4');
  });

  it('keeps package-relative paths relative, encoded only where needed', () => {
    expect(mediaUrl('media/shot_001.mp4')).toBe('media/shot_001.mp4');
    expect(mediaUrl('media/shot 001 ~v2.mp4')).toBe('media/shot%20001%20~v2.mp4');
    expect(encodePath('a/b:c')).toBe('a/b%3Ac');
  });

  it('writes xmeml’s file://localhost form, with the drive colon as Premiere does', () => {
    expect(xmemlPathUrl('file:///Users/editor/a.mp4')).toBe('file://localhost/Users/editor/a.mp4');
    expect(xmemlPathUrl('D:\\media\\x y.mov')).toBe('file://localhost/D%3a/media/x%20y.mov');
    expect(xmemlPathUrl('media/x.mov')).toBe('media/x.mov');
  });

  it('gives the plain decoded path back', () => {
    expect(mediaPath('file:///Users/My%20Media/%C3%A9.mp4')).toBe('/Users/My Media/é.mp4');
    expect(mediaPath('file:///C:/Media/a%20b.mp4')).toBe('C:/Media/a b.mp4');
    expect(mediaPath('media/a.mp4')).toBe('media/a.mp4');
  });
});
