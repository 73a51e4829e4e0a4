import { InvalidRequestError } from '@vgw/spec';

export const defaultSequenceName = 'Untitled sequence';

/** A name editors show as the project or timeline title: 1–200 characters, no control codes. */
export function checkName(name: unknown): string {
  const text = typeof name === 'string' ? name.trim() : '';
  // eslint-disable-next-line no-control-regex -- control codes are exactly what is refused
  if (text === '' || text.length > 200 || /[\u0000-\u001f\u007f]/.test(text)) {
    throw new InvalidRequestError(
      'name must be 1-200 characters without control characters',
      'name',
    );
  }
  return text;
}

/** `WIDTHxHEIGHT`, each side 1–16384 pixels. */
export function parseSize(size: unknown): { width: number; height: number } {
  const match = typeof size === 'string' ? /^([1-9]\d{0,4})x([1-9]\d{0,4})$/.exec(size) : null;
  const width = Number(match?.[1]);
  const height = Number(match?.[2]);
  if (match == null || width > 16384 || height > 16384) {
    throw new InvalidRequestError(
      `size ${JSON.stringify(size)} must be WIDTHxHEIGHT (e.g. 1280x720), each side up to 16384`,
      'size',
    );
  }
  return { width, height };
}
