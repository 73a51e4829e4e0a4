import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileError } from '../errors/cli-error.js';
import type { BenchReport } from './leaderboard/bench-report.js';
import { renderReportHtml } from './report-html/report-page.js';
import { runKey } from './report-html/thumbnail-grid.js';
import { thumbnailDataUri } from './thumbnail-data-uri.js';

export interface WrittenReport {
  json: string;
  html: string;
}

async function thumbnails(ffmpegPath: string, outDir: string, report: BenchReport) {
  const found = new Map<string, string>();
  // One at a time: each is a short ffmpeg run, and there may be hundreds.
  for (const run of report.runs) {
    const uri = await thumbnailDataUri(ffmpegPath, outDir, run);
    if (uri != null) found.set(runKey(run), uri);
  }
  return found;
}

async function write(path: string, text: string): Promise<void> {
  try {
    await writeFile(path, text);
  } catch (error) {
    throw fileError('write', path, error);
  }
}

/** report.json (the data, versioned) and report.html (self-contained) in `outDir`. */
export async function writeBenchReport(
  ffmpegPath: string,
  outDir: string,
  report: BenchReport,
): Promise<WrittenReport> {
  const json = join(outDir, 'report.json');
  const html = join(outDir, 'report.html');
  await write(json, `${JSON.stringify(report, null, 2)}\n`);
  await write(html, renderReportHtml(report, await thumbnails(ffmpegPath, outDir, report)));
  return { json, html };
}
