/**
 * Seeded generators of malformed and hostile requests for the HTTP fuzz test. Every case is a
 * plain description (method, path, headers, body) so a failure prints what to replay.
 */

import { seededRandom, type Random } from './seeded-random.js';

// The fuzz test takes its generator from here, beside the cases it generates.
export { seededRandom, type Random };

export interface HostileRequest {
  label: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | FormData;
}

const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;

const chance = (random: Random, probability: number) => random() < probability;

const nastyFragments = [
  '\u0000',
  '\ud800',
  '\udc00x',
  '\udfff\ud800',
  '__proto__',
  'constructor',
  'prototype',
  '0x10',
  '1e309',
  '-0',
  ' ',
  '\n',
  '"',
  '\\',
  '%00',
  '[',
  ']',
  '😀',
  '\u202e',
  'ｆ',
  "'; drop table videos; --",
  '',
];

const knownFields = [
  'prompt',
  'model',
  'seconds',
  'size',
  'fps',
  'seed',
  'input_reference',
  'provider_options',
];

export function hostileText(random: Random, maxParts = 4): string {
  const parts: string[] = [];
  const count = 1 + Math.floor(random() * maxParts);
  for (let index = 0; index < count; index += 1) {
    parts.push(
      chance(random, 0.5)
        ? pick(random, nastyFragments)
        : String.fromCharCode(...Array.from({ length: 3 }, () => Math.floor(random() * 0x3000))),
    );
  }
  if (chance(random, 0.03)) parts.push('p'.repeat(5000 + Math.floor(random() * 30_000)));
  return parts.join('');
}

function hostileKey(random: Random): string {
  return chance(random, 0.4) ? pick(random, nastyFragments) : hostileText(random, 2);
}

/** Nesting built as text: a parsed-then-stringified value could not reach these depths. */
export function deepJson(random: Random): string {
  const levels = pick(random, [17, 64, 1_000, 5_000, 20_000, 100_000]);
  return chance(random, 0.5)
    ? '{"a":'.repeat(levels) + '1' + '}'.repeat(levels)
    : '['.repeat(levels) + '1' + ']'.repeat(levels);
}

/** A JSON value as text, small and hostile, sometimes very deep. */
export function hostileJson(random: Random, depth = 0): string {
  const roll = random();
  if (roll < 0.03) return deepJson(random);
  if (depth > 3 || roll < 0.35) {
    return pick(random, [
      () => JSON.stringify(hostileText(random)),
      () => String(Math.floor(random() * 1e6) - 5e5),
      () => pick(random, ['null', 'true', 'false', '1e309', '-0', '0.5', '"12"', '"ten"']),
    ])();
  }
  if (roll < 0.55) {
    const items = Array.from({ length: Math.floor(random() * 3) }, () =>
      hostileJson(random, depth + 1),
    );
    return `[${items.join(',')}]`;
  }
  const entries = Array.from(
    { length: Math.floor(random() * 3) },
    () => `${JSON.stringify(hostileKey(random))}:${hostileJson(random, depth + 1)}`,
  );
  return `{${entries.join(',')}}`;
}

function providerOptionsJson(random: Random): string {
  const engine = chance(random, 0.6) ? 'fake' : hostileKey(random);
  return `{${JSON.stringify(engine)}:${hostileJson(random, 1)}}`;
}

function fieldValueJson(random: Random, field: string): string {
  if (field === 'provider_options' && chance(random, 0.8)) return providerOptionsJson(random);
  if (field === 'prompt' && chance(random, 0.4))
    return JSON.stringify(`a cat ${hostileText(random)}`);
  return hostileJson(random, 2);
}

function jsonCreateBody(random: Random): string {
  const entries: string[] = [];
  if (chance(random, 0.85)) entries.push(`"prompt":${fieldValueJson(random, 'prompt')}`);
  const count = Math.floor(random() * 4);
  for (let index = 0; index < count; index += 1) {
    const field = chance(random, 0.8) ? pick(random, knownFields) : hostileKey(random);
    entries.push(`${JSON.stringify(field)}:${fieldValueJson(random, field)}`);
  }
  const text = `{${entries.join(',')}}`;
  // Mangle some bodies at the byte level: truncated, doubled or spliced JSON.
  if (chance(random, 0.1)) return text.slice(0, Math.floor(random() * text.length));
  if (chance(random, 0.03)) return pick(random, ['', 'null', '[]', '"x"', '1', text + text]);
  return text;
}

function formFieldName(random: Random): string {
  return pick(random, [
    () => pick(random, knownFields),
    () =>
      `${pick(random, ['__proto__', 'constructor', 'input_reference', 'provider_options'])}[${pick(random, ['seconds', 'prototype', 'model', 'image_url', 'fake'])}]`,
    () => 'constructor[prototype]',
    () => `${hostileKey(random)}[${hostileKey(random)}]`,
    () => hostileKey(random),
  ])();
}

function formCreateFields(random: Random): [string, string][] {
  const fields: [string, string][] = [];
  if (chance(random, 0.85)) fields.push(['prompt', `a dog ${hostileText(random)}`]);
  const count = Math.floor(random() * 4);
  for (let index = 0; index < count; index += 1) {
    const name = formFieldName(random);
    const value = name === 'provider_options' ? providerOptionsJson(random) : hostileText(random);
    fields.push([name, value]);
  }
  return fields;
}

function createRequest(random: Random, headers: Record<string, string>): HostileRequest {
  const style = pick(random, ['json', 'json', 'multipart', 'urlencoded', 'other'] as const);
  const path = chance(random, 0.1) ? `/v1/videos/${pathId(random)}/remix` : '/v1/videos';
  if (style === 'json') {
    return {
      label: 'json create',
      method: 'POST',
      path,
      headers: { ...headers, 'content-type': 'application/json' },
      body: jsonCreateBody(random),
    };
  }
  const fields = formCreateFields(random);
  if (style === 'multipart') {
    const form = new FormData();
    for (const [name, value] of fields) form.append(name, value);
    return {
      label: `multipart create ${JSON.stringify(fields)}`,
      method: 'POST',
      path,
      headers,
      body: form,
    };
  }
  const contentType =
    style === 'urlencoded'
      ? 'application/x-www-form-urlencoded'
      : pick(random, ['text/plain', 'multipart/form-data', 'multipart/form-data; boundary=x', '']);
  return {
    label: `${style} create`,
    method: 'POST',
    path,
    headers: { ...headers, 'content-type': contentType },
    body: new URLSearchParams(fields).toString(),
  };
}

/** Raw percent-escaped bytes, valid UTF-8 or not, as a client could put in a path or query. */
export function percentEncodedBytes(random: Random): string {
  if (chance(random, 0.3)) {
    return pick(random, [
      'a%00b',
      '%00',
      '%ED%A0%80',
      '%FF%FE',
      '..',
      '%2F',
      'video_' + 'f'.repeat(32),
    ]);
  }
  const length = 1 + Math.floor(random() * 12);
  return Array.from({ length }, () => {
    const byte = Math.floor(random() * 256);
    return /[A-Za-z0-9_-]/.test(String.fromCharCode(byte))
      ? String.fromCharCode(byte)
      : `%${byte.toString(16).padStart(2, '0').toUpperCase()}`;
  }).join('');
}

function pathId(random: Random): string {
  return chance(random, 0.1)
    ? 'x'.repeat(129 + Math.floor(random() * 500))
    : percentEncodedBytes(random);
}

function videoPathRequest(random: Random, headers: Record<string, string>): HostileRequest {
  const id = pathId(random);
  const [method, suffix] = pick(random, [
    ['GET', ''],
    ['DELETE', ''],
    ['GET', '/content'],
    ['HEAD', '/content'],
    ['GET', '/scores'],
  ] as const);
  const query = chance(random, 0.3) ? `?variant=${percentEncodedBytes(random)}` : '';
  return { label: 'video path', method, path: `/v1/videos/${id}${suffix}${query}`, headers };
}

function listRequest(random: Random, headers: Record<string, string>): HostileRequest {
  const parts: string[] = [];
  if (chance(random, 0.6)) {
    const limit = chance(random, 0.5)
      ? pick(random, ['0x10', '1e1', ' 5', '5.0', '0', '101', '-1', '', '00020', '９'])
      : percentEncodedBytes(random);
    parts.push(`limit=${limit}`);
  }
  if (chance(random, 0.6)) parts.push(`after=${pathId(random)}`);
  if (chance(random, 0.3)) parts.push(`order=${percentEncodedBytes(random)}`);
  return { label: 'list', method: 'GET', path: `/v1/videos?${parts.join('&')}`, headers };
}

/** Header values must be ByteStrings without NUL, CR or LF, or the client refuses to send them. */
function headerValue(random: Random): string {
  const length = Math.floor(random() * 300);
  return Array.from({ length }, () => String.fromCharCode(1 + Math.floor(random() * 254)))
    .join('')
    .replace(/[\r\n]/g, 'x');
}

export function hostileRequest(random: Random, apiKey: string): HostileRequest {
  const headers: Record<string, string> = { authorization: `Bearer ${apiKey}` };
  if (chance(random, 0.15)) headers['idempotency-key'] = headerValue(random);
  if (chance(random, 0.05)) headers.range = `bytes=${headerValue(random)}`;
  const kind = random();
  if (kind < 0.55) return createRequest(random, headers);
  if (kind < 0.75) return videoPathRequest(random, headers);
  if (kind < 0.9) return listRequest(random, headers);
  return {
    label: 'webhook',
    method: 'POST',
    path: `/v1/webhooks/${chance(random, 0.8) ? 'fake' : percentEncodedBytes(random)}`,
    headers: { 'content-type': 'application/json' },
    body: chance(random, 0.7) ? `{"job":${hostileJson(random, 2)}}` : hostileJson(random),
  };
}
