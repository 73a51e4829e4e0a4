import type { EmulatedJob } from '../emulated-renderer.js';
import { outputUrl, type EmulatorContext } from '../emulator-definition.js';

/** Google's error body (google.rpc.Status under `error`), with the HTTP status it travels with. */
export function googleError(code: number, status: string, message: string, details?: unknown[]) {
  return { error: { code, message, status, ...(details != null ? { details } : {}) } };
}

/** Files-API ids are lowercase alphanumerics (js-genai extracts `[a-z0-9]+` after `files/`). */
export function fileIdOf(jobId: string): string {
  return jobId.replaceAll('-', '');
}

export function jobIdOf(fileId: string): string | null {
  const match = /^([0-9a-f]{8})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{12})$/.exec(fileId);
  return match == null ? null : match.slice(1).join('-');
}

function videoUri(context: EmulatorContext, job: EmulatedJob): string | null {
  const url = outputUrl(context, job);
  if (url == null) return null;
  // A normal output is a Files-API URI that needs the key; trigger URLs are handed out as they are.
  if (!url.startsWith(`${context.baseURL()}/__emulator/`)) return url;
  return `${context.baseURL()}/v1beta/files/${fileIdOf(job.id)}:download?alt=media`;
}

const responseType =
  'type.googleapis.com/google.ai.generativelanguage.v1beta.PredictLongRunningResponse';

function filtered(reason: string) {
  return {
    '@type': responseType,
    generateVideoResponse: { raiMediaFilteredCount: 1, raiMediaFilteredReasons: [reason] },
  };
}

/** The long-running operation as Gemini answers it: no `done` while running (proto3 omits false). */
export function operationJson(context: EmulatorContext, job: EmulatedJob, name: string) {
  if (job.state === 'queued' || job.state === 'running') return { name };
  if (job.state === 'cancelled') {
    return {
      name,
      done: true,
      error: { code: 1, message: 'Operation cancelled.', status: 'CANCELLED' },
    };
  }
  if (job.state === 'failed') {
    if (job.failure?.kind === 'input_moderation') {
      const reason =
        'Unable to generate videos because the prompt may violate our policies. Support codes: 58061214';
      return { name, done: true, response: filtered(reason) };
    }
    if (job.failure?.kind === 'output_moderation') {
      const reason = 'The video could not be generated because it may violate our policies.';
      return { name, done: true, response: filtered(reason) };
    }
    const message = job.failure?.message ?? 'the render failed';
    return { name, done: true, error: { code: 13, message, status: 'INTERNAL' } };
  }
  const uri = videoUri(context, job);
  return {
    name,
    done: true,
    response: {
      '@type': responseType,
      generateVideoResponse: { generatedSamples: uri != null ? [{ video: { uri } }] : [] },
    },
  };
}
