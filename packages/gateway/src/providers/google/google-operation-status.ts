import type { VideoStatusResult } from '@vgw/spec';
import { completedFromUrl, noOutput } from '../../provider-http/video-status.js';
import { filteredFailure, operationFailure } from './google-error.js';
import type { GoogleOperation } from './google-schemas.js';

/**
 * The key goes on the download URL only when the URI is on the API's own origin (a Files-API
 * URI); any other host never sees it. The gateway downloads once, with a plain fetch.
 */
export function downloadUrl(uri: string, apiBaseURL: string, apiKey: string): string | null {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return null;
  }
  if (url.origin === new URL(apiBaseURL).origin) url.searchParams.set('key', apiKey);
  return url.toString();
}

function firstVideoUri(operation: GoogleOperation): string | null {
  const samples = operation.response?.generateVideoResponse?.generatedSamples ?? [];
  for (const sample of samples) {
    const uri = sample.video?.uri;
    if (uri != null && uri !== '') return uri;
  }
  return null;
}

/** Maps one polled operation: pending while not done, then error, video, filtered or nothing. */
export function operationStatus(
  operation: GoogleOperation,
  download: { apiBaseURL: string; apiKey: string },
): VideoStatusResult {
  // Veo reports no progress; `done` is absent (or false) until the operation finishes.
  if (operation.done !== true) return { status: 'pending' };
  if (operation.error != null)
    return { status: 'failed', error: operationFailure(operation.error) };
  const response = operation.response?.generateVideoResponse;
  const uri = firstVideoUri(operation);
  const url = uri != null ? downloadUrl(uri, download.apiBaseURL, download.apiKey) : null;
  if (url != null) {
    return completedFromUrl(url, { google: { operationName: operation.name } });
  }
  const filtered = response?.raiMediaFilteredCount ?? 0;
  if (filtered > 0) {
    const reasons = response?.raiMediaFilteredReasons ?? [];
    return { status: 'failed', error: filteredFailure(filtered, reasons) };
  }
  return noOutput(
    uri != null
      ? `Veo finished with an unusable video uri: ${uri.slice(0, 200)}`
      : 'Veo finished without a video',
  );
}
