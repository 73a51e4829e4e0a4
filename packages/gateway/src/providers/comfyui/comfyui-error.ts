import { ProviderApiError, type VideoFailure } from '@vgw/spec';
import type { ProviderHttpError } from '../../provider-http/provider-http.js';
import { comfyuiProviderName } from './comfyui-models.js';
import { promptRejectionSchema, type HistoryEntry } from './comfyui-schemas.js';

/*
 * Core ComfyUI has no moderation; safety-checker custom nodes fail the run with an exception
 * that says so. The match is loose on purpose (node wording varies).
 */
const moderationPattern = /nsfw|safety check|content (moderation|policy)|flagged/i;

function detail(data: unknown, key: string): string | null {
  if (data == null || typeof data !== 'object') return null;
  const value = (data as Record<string, unknown>)[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
}

/** The failure of a history entry whose status is `error`, read from its execution messages. */
export function historyFailure(promptId: string, entry: HistoryEntry): VideoFailure {
  const messages = entry.status?.messages ?? [];
  const error = messages.find(([event]) => event === 'execution_error')?.[1];
  if (error == null && messages.some(([event]) => event === 'execution_interrupted')) {
    return {
      code: 'cancelled',
      message: `comfyui: prompt ${promptId} was interrupted`,
      retryable: false,
    };
  }
  const exception = detail(error, 'exception_message')?.trim() || 'the workflow failed';
  const type = detail(error, 'exception_type');
  const node = detail(error, 'node_id');
  const where = node != null ? `node ${node} (${detail(error, 'node_type') ?? 'unknown'}): ` : '';
  const message = `comfyui: ${where}${exception}${type != null ? ` [${type}]` : ''}`;
  if (moderationPattern.test(`${exception} ${type ?? ''}`)) {
    const param = /\boutput|\bimage|\bframe|\bvideo/i.test(exception) ? 'output' : 'prompt';
    return { code: 'content_policy_violation', message, retryable: false, param };
  }
  // A workflow error (a bad graph, out of memory) fails the same way on a rerun.
  return { code: 'render_failed', message, retryable: false };
}

function rejectionSummary(body: unknown): string {
  const parsed = promptRejectionSchema.safeParse(body);
  if (!parsed.success) return JSON.stringify(body).slice(0, 300);
  const { error, node_errors: nodeErrors } = parsed.data;
  const headline = typeof error === 'string' ? error : (error.message ?? error.type ?? 'rejected');
  const nodes =
    nodeErrors != null && !Array.isArray(nodeErrors)
      ? Object.entries(nodeErrors).map(([id, node]) => {
          const reasons = (node.errors ?? [])
            .map((each) =>
              [each.message, each.details].filter((part) => part != null && part !== '').join(': '),
            )
            .join('; ');
          return `node ${id} (${node.class_type ?? 'unknown'}): ${reasons}`;
        })
      : [];
  return [headline, ...nodes].join('; ');
}

/** A 400 from `POST /prompt`: the workflow failed validation, which no retry fixes. */
export function workflowRejected(error: ProviderHttpError): ProviderApiError {
  return new ProviderApiError(
    comfyuiProviderName,
    `the workflow was rejected: ${rejectionSummary(error.body)}`,
    { code: 'invalid_workflow', retryable: false, cause: error },
  );
}
