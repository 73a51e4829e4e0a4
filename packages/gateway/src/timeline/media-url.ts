/**
 * Media locations as each format wants them. A location is a `file://` URL, an absolute path, or
 * a path relative to the timeline file (packages keep `media/shot_001.mp4` beside it). Encoding
 * is RFC 3986: every byte outside the unreserved set (`A–Z a–z 0–9 - . _ ~`) becomes `%XX` of its
 * UTF-8, so spaces are `%20` and `é` is `%C3%A9`; `/` separates segments. Existing escapes are
 * decoded first, so an already-encoded URL is not encoded twice.
 */

const windowsDrive = /^[A-Za-z]:$/;

function encodeSegment(segment: string, keepDriveColon: boolean): string {
  if (keepDriveColon && windowsDrive.test(segment)) return segment;
  return encodeURIComponent(segment).replace(
    /[!'()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    // A stray `%` that is not an escape is a literal percent sign in a file name.
    return segment;
  }
}

/** Percent-encodes each `/`-separated segment of a path (relative or absolute). */
export function encodePath(path: string, keepDriveColon = false): string {
  return path
    .split('/')
    .map((segment, index) => encodeSegment(decodeSegment(segment), keepDriveColon && index <= 1))
    .join('/');
}

export function isFileUrl(location: string): boolean {
  return /^file:\/\//i.test(location);
}

/** Windows (`C:\…`, `C:/…`) and POSIX (`/…`) absolute paths; everything else is relative. */
export function isAbsolutePath(location: string): boolean {
  return location.startsWith('/') || /^[A-Za-z]:[\\/]/.test(location);
}

/** The path inside a `file://` URL (host `localhost` or empty), still encoded: `/Users/…`. */
function fileUrlPath(url: string): string {
  const rest = url.replace(/^file:\/\//i, '');
  const path = rest.startsWith('localhost/') ? rest.slice('localhost'.length) : rest;
  return path.startsWith('/') ? path : `/${path}`;
}

/** An absolute path or file URL as `file:///…` (Windows drives as `file:///C:/…`). */
export function toFileUrl(location: string): string {
  if (isFileUrl(location)) return `file://${encodePath(fileUrlPath(location), true)}`;
  const slashed = location.replace(/\\/g, '/');
  const absolute = slashed.startsWith('/') ? slashed : `/${slashed}`;
  return `file://${encodePath(absolute, true)}`;
}

/**
 * The location as a URL reference: absolute ones as `file:///…`, relative ones percent-encoded
 * but still relative (FCPXML `src`, OTIO `target_url`).
 */
export function mediaUrl(location: string): string {
  if (isFileUrl(location) || isAbsolutePath(location)) return toFileUrl(location);
  return encodePath(location.replace(/\\/g, '/'));
}

/**
 * xmeml's `pathurl`: `file://localhost/…` for absolute locations, with a drive colon encoded as
 * Premiere writes it (`file://localhost/D%3a/…`); relative ones percent-encoded and relative.
 */
export function xmemlPathUrl(location: string): string {
  if (!isFileUrl(location) && !isAbsolutePath(location)) return mediaUrl(location);
  const path = toFileUrl(location).slice('file://'.length);
  return `file://localhost${path.replace(/^\/([A-Za-z]):\//, '/$1%3a/')}`;
}

/** The decoded absolute path of a location (`/Users/x y/a.mp4`), for "plain path" styles. */
export function mediaPath(location: string): string {
  if (!isFileUrl(location)) return location;
  const decoded = fileUrlPath(location).split('/').map(decodeSegment).join('/');
  return /^\/[A-Za-z]:\//.test(decoded) ? decoded.slice(1) : decoded;
}
