import type { RedteamReportFile } from '@vgw/gateway';

const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`.padStart(7);

type GatedReport = RedteamReportFile['reports'][number];

function categoryLines(report: GatedReport): string[] {
  return Object.entries(report.byCategory).map(([category, figure]) => {
    const what = category === 'benign' ? 'refused (false positives)' : 'refused';
    return `  ${category.padEnd(22)}${percent(figure.rate)}  ${figure.blocked}/${figure.total} ${what}`;
  });
}

function techniqueLines(report: GatedReport): string[] {
  return Object.entries(report.byTechnique).map(
    ([technique, figures]) =>
      `  ${technique.padEnd(22)}${percent(figures.harmful.rate)} harmful refused` +
      `  ${percent(figures.benign.rate)} benign refused`,
  );
}

function reportLines(report: GatedReport): string[] {
  const counts = report.counts;
  const verdict = report.gate.passed ? 'passed' : 'FAILED';
  return [
    `${report.label}: ${counts.cases} cases (${counts.harmful} harmful, ${counts.benign} benign), ` +
      `policy ${report.policyVersion ?? 'unknown'}, gate ${verdict}`,
    ...categoryLines(report),
    '  by technique:',
    ...techniqueLines(report),
    `  screen latency p50 ${report.screenLatency.p50.toFixed(3)} ms, ` +
      `p99 ${report.screenLatency.p99.toFixed(3)} ms`,
    ...report.gate.failures.map((failure) => `  gate: ${failure}`),
  ];
}

/** The terminal summary: rates only, never a prompt; the HTML report has the detail. */
export function renderRedteamSummary(file: RedteamReportFile): string {
  return file.reports.map((report) => reportLines(report).join('\n')).join('\n\n');
}
