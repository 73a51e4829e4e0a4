import { createHmac, timingSafeEqual } from 'node:crypto';

export type KlingAuthResult = { ok: true } | { ok: false; code: number; message: string };

function decodeJson(segment: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return value != null && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function sameBytes(left: Buffer, right: Buffer): boolean {
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Checks an `Authorization` header as Kling does: the plain key, or an HS256 JWT whose `iss` is
 * the access key, signed with the secret key (both are `apiKey` here), inside its nbf/exp window.
 */
export function checkKlingAuthorization(
  header: string | undefined,
  apiKey: string,
  nowMs: number,
): KlingAuthResult {
  const token = header?.startsWith('Bearer ') === true ? header.slice(7).trim() : '';
  if (token === '') return { ok: false, code: 1001, message: 'Authorization is empty' };
  if (sameBytes(Buffer.from(token), Buffer.from(apiKey))) return { ok: true };
  const [header64, payload64, signature64] = token.split('.');
  if (header64 == null || payload64 == null || signature64 == null) {
    return { ok: false, code: 1002, message: 'Authorization is invalid' };
  }
  const expected = createHmac('sha256', apiKey).update(`${header64}.${payload64}`).digest();
  const head = decodeJson(header64);
  const payload = decodeJson(payload64);
  if (
    head?.alg !== 'HS256' ||
    payload == null ||
    payload.iss !== apiKey ||
    !sameBytes(Buffer.from(signature64, 'base64url'), expected)
  ) {
    return { ok: false, code: 1002, message: 'Authorization is invalid' };
  }
  const nowSeconds = nowMs / 1000;
  if (typeof payload.nbf === 'number' && payload.nbf > nowSeconds) {
    return { ok: false, code: 1003, message: 'Authorization is not yet valid' };
  }
  if (typeof payload.exp !== 'number' || payload.exp <= nowSeconds) {
    return { ok: false, code: 1004, message: 'Authorization has expired' };
  }
  return { ok: true };
}
