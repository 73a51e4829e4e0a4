import { Readable } from 'node:stream';
import type { Context } from 'hono';
import { exportSequence } from '../../sequences/export-sequence.js';
import type { SequenceDeps } from '../../sequences/sequence-deps.js';
import type { AppDeps, AppEnv } from '../app-deps.js';
import { scoresSummaryCacheOf } from '../openai/scores-summary-cache.js';
import { sequenceIdParam } from './sequence-id-param.js';

/** Clients cap response headers (undici at 16 KiB): the header holds what fits, the count all. */
const maxWarningsHeaderBytes = 8 * 1024;

/** JSON in a header must be ASCII; `\uXXXX` escapes keep it parseable as JSON. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** `vgw-warnings`: a JSON array of the first warnings that fit; `vgw-warnings-count`: all. */
export function warningHeaders(warnings: readonly object[]): Record<string, string> {
  const kept: object[] = [];
  let header = '[]';
  for (const warning of warnings) {
    const next = asciiJson([...kept, warning]);
    if (next.length > maxWarningsHeaderBytes) break;
    kept.push(warning);
    header = next;
  }
  return { 'vgw-warnings': header, 'vgw-warnings-count': String(warnings.length) };
}

/** `GET /v1/sequences/{id}/export?format=…[&version=…]`: a timeline document or a package. */
export async function serveSequenceExport(
  deps: AppDeps,
  sequenceDeps: SequenceDeps,
  context: Context<AppEnv>,
): Promise<Response> {
  const result = await exportSequence(sequenceDeps, {
    projectId: context.get('projectId'),
    id: sequenceIdParam(context),
    format: context.req.query('format'),
    version: context.req.query('version'),
    scoresOf: (ids) => scoresSummaryCacheOf(deps.database).summaries(ids),
  });
  const headers = new Headers({
    ...warningHeaders(result.warnings),
    'cache-control': 'no-store',
  });
  if (result.kind === 'package') {
    headers.set('content-type', 'application/zip');
    headers.set('content-disposition', `attachment; filename="${result.fileName}"`);
    return new Response(Readable.toWeb(result.stream) as ReadableStream, { headers });
  }
  headers.set('content-type', result.mediaType);
  headers.set('content-disposition', `attachment; filename="${result.fileName}"`);
  return new Response(result.body, { headers });
}
