import { SignJWT } from 'jose';

export interface KlingCredentials {
  accessKey: string;
  secretKey: string | null;
}

const encoder = new TextEncoder();

/**
 * Kling accepts a plain API key or an HS256 JWT signed from an access/secret key pair
 * (docs/providers.md §6.1). The token is short-lived, so it is minted per request.
 */
export async function klingAuthorization(
  credentials: KlingCredentials,
  nowMs: number,
): Promise<string> {
  if (credentials.secretKey == null) return `Bearer ${credentials.accessKey}`;
  const nowSeconds = Math.floor(nowMs / 1000);
  const token = await new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(credentials.accessKey)
    .setExpirationTime(nowSeconds + 1800)
    // Five seconds of slack for clocks running ahead of Kling's.
    .setNotBefore(nowSeconds - 5)
    .sign(encoder.encode(credentials.secretKey));
  return `Bearer ${token}`;
}
