import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gateFailures } from './redteam-gate.js';
import type { GateOptions } from './redteam-gate.js';
import type { RedteamReport } from './redteam-report.js';
import { renderRedteamHtml } from './render-redteam-html.js';
import type { GatedReport } from './render-redteam-html.js';

/** What `report.json` holds: each case set's report with the gate's verdict on it. */
export interface RedteamReportFile {
  passed: boolean;
  reports: Array<RedteamReport & { gate: { passed: boolean; failures: string[] } }>;
}

export function redteamReportFile(
  reports: readonly RedteamReport[],
  gate: GateOptions = {},
): RedteamReportFile {
  const gated = reports.map((report) => {
    const failures = gateFailures(report, gate);
    return { ...report, gate: { passed: failures.length === 0, failures } };
  });
  return { passed: gated.every((report) => report.gate.passed), reports: gated };
}

export interface WrittenRedteamReport {
  json: string;
  html: string;
  file: RedteamReportFile;
}

/** Writes `report.json` and `report.html` into `outDir`, creating it. */
export async function writeRedteamReport(
  report: RedteamReport | readonly RedteamReport[],
  outDir: string,
  gate: GateOptions = {},
): Promise<WrittenRedteamReport> {
  const reports: readonly RedteamReport[] = Array.isArray(report) ? report : [report];
  const file = redteamReportFile(reports, gate);
  const gated: GatedReport[] = file.reports.map((entry) => ({
    report: entry,
    failures: entry.gate.failures,
  }));
  await mkdir(outDir, { recursive: true });
  const json = join(outDir, 'report.json');
  const html = join(outDir, 'report.html');
  await writeFile(json, `${JSON.stringify(file, null, 2)}\n`, 'utf8');
  await writeFile(html, renderRedteamHtml(gated), 'utf8');
  return { json, html, file };
}
