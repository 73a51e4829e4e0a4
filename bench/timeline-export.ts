// What writing a long cut costs: each NLE format's serializer over a 1,000-clip timeline (files
// reused, a few at 25 fps in a 24 fps cut, names that need escaping). Pure CPU in this process;
// the target is under 200 ms per export at the median and p99.
import { performance } from 'node:perf_hooks';
import { longTimeline } from '../packages/gateway/src/test-support/timeline-samples.js';
import {
  serializeTimeline,
  TIMELINE_FORMATS,
  type TimelineFormat,
} from '../packages/gateway/src/timeline/serialize-timeline.js';
import { median } from './median.js';

export interface TimelineExportRow {
  format: TimelineFormat;
  clips: number;
  runs: number;
  medianMs: number;
  p99Ms: number;
  bodyKiB: number;
  warnings: number;
}

/** The nearest-rank percentile: with 50 runs, p99 is the slowest run. */
function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] as number;
}

const round = (value: number) => Math.round(value * 100) / 100;

/**
 * `runs` timed exports per format after three warm-up runs, the formats interleaved run by run so
 * drift in the machine's speed falls on all of them.
 */
export async function benchTimelineExport(clips = 1000, runs = 50): Promise<TimelineExportRow[]> {
  const timeline = longTimeline(clips);
  const times = new Map<TimelineFormat, number[]>(TIMELINE_FORMATS.map((format) => [format, []]));
  for (let warmUp = 0; warmUp < 3; warmUp += 1) {
    for (const format of TIMELINE_FORMATS) serializeTimeline(timeline, format);
  }
  for (let run = 0; run < runs; run += 1) {
    for (const format of TIMELINE_FORMATS) {
      const started = performance.now();
      serializeTimeline(timeline, format);
      times.get(format)?.push(performance.now() - started);
    }
  }
  return TIMELINE_FORMATS.map((format) => {
    const document = serializeTimeline(timeline, format);
    const measured = times.get(format) ?? [];
    return {
      format,
      clips,
      runs,
      medianMs: round(median(measured)),
      p99Ms: round(percentile(measured, 0.99)),
      bodyKiB: round(Buffer.byteLength(document.body) / 1024),
      warnings: document.warnings.length,
    };
  });
}
