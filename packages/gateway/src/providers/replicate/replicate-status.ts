import type { VideoStatusResult } from '@vgw/spec';
import { completedFromUrl, noOutput } from '../../provider-http/video-status.js';
import { predictionFailure } from './replicate-error.js';
import type { Prediction } from './replicate-schemas.js';

/** A tqdm progress line, as Cog models print them to `logs` (e.g. ` 45%|████▌     | 9/20`). */
const progressLine = /^\s*(\d{1,3})%\s*\|/;

function progressFromLogs(logs: string | null | undefined): number | undefined {
  if (logs == null) return undefined;
  for (const line of logs.split('\n').reverse()) {
    const match = progressLine.exec(line);
    if (match != null) return Math.min(99, Number(match[1]));
  }
  return undefined;
}

/** The output URL: video models give one URL, or an array whose first entry is the video. */
function outputUrl(output: unknown): string | null {
  const candidate = Array.isArray(output) ? (output as unknown[])[0] : output;
  if (typeof candidate !== 'string') return null;
  try {
    const url = new URL(candidate);
    return url.protocol === 'https:' || url.protocol === 'http:' ? candidate : null;
  } catch {
    return null;
  }
}

/** Maps a prediction to the gateway's status. */
export function predictionStatus(prediction: Prediction, sentImage: boolean): VideoStatusResult {
  switch (prediction.status) {
    case 'starting':
      return { status: 'pending' };
    case 'processing': {
      const progress = progressFromLogs(prediction.logs);
      return progress != null ? { status: 'pending', progress } : { status: 'pending' };
    }
    case 'succeeded': {
      const url = outputUrl(prediction.output);
      if (url == null) {
        return noOutput(`replicate: prediction ${prediction.id} succeeded without an output URL`);
      }
      return completedFromUrl(url, {
        replicate: {
          predictionId: prediction.id,
          predictTime: prediction.metrics?.predict_time ?? null,
        },
      });
    }
    default:
      return { status: 'failed', error: predictionFailure(prediction, sentImage) };
  }
}
