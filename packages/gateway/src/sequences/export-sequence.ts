import { InvalidRequestError } from '@vgw/spec';
import { buildTimeline } from './build-timeline.js';
import { loadExportSources } from './export-sources.js';
import { fileNameOf } from './media-names.js';
import type { SequenceDeps } from './sequence-deps.js';
import { buildSequencePackage, type SequencePackage } from './sequence-package.js';
import {
  timelineDocument,
  type FcpxmlVersion,
  type TimelineDocument,
  type TimelineFormat,
} from './timeline-document.js';

export const exportFormats = ['fcpxml', 'xmeml', 'edl', 'otio', 'package'] as const;
export type ExportFormat = (typeof exportFormats)[number];
export const fcpxmlVersions: readonly FcpxmlVersion[] = ['1.8', '1.9', '1.10', '1.11'];
/** Final Cut Pro 10.4.9 and later, and Resolve, read 1.9. */
export const defaultFcpxmlVersion: FcpxmlVersion = '1.9';

export interface ExportRequest {
  projectId: string;
  id: string;
  format: unknown;
  version?: unknown;
  /** Score summaries by video id, as the API serves them (packages only). */
  scoresOf?: (videoIds: string[]) => Promise<Map<string, unknown>>;
}

export type SequenceExport =
  | ({ kind: 'document'; fileName: string } & TimelineDocument)
  | ({ kind: 'package' } & SequencePackage);

function parseFormat(format: unknown): ExportFormat {
  const found = exportFormats.find((each) => each === format);
  if (found == null) {
    throw new InvalidRequestError(
      `format must be one of ${exportFormats.join(', ')}`,
      'format',
      format == null ? 'missing_required_parameter' : 'invalid_value',
    );
  }
  return found;
}

function parseVersion(version: unknown, format: ExportFormat): FcpxmlVersion {
  if (version == null) return defaultFcpxmlVersion;
  if (format !== 'fcpxml' && format !== 'package') {
    throw new InvalidRequestError('version applies to fcpxml and package exports only', 'version');
  }
  const found = fcpxmlVersions.find((each) => each === version);
  if (found == null) {
    throw new InvalidRequestError(
      `version must be one of ${fcpxmlVersions.join(', ')} (FCPXML)`,
      'version',
    );
  }
  return found;
}

/** One timeline document (media by absolute `file://` URL), or a relinkable package. */
export async function exportSequence(
  deps: SequenceDeps,
  request: ExportRequest,
): Promise<SequenceExport> {
  const format = parseFormat(request.format);
  const fcpxmlVersion = parseVersion(request.version, format);
  const sources = await loadExportSources(deps, request.projectId, request.id);
  if (format === 'package') {
    const ids = [...sources.videos.keys()];
    const scores = request.scoresOf != null ? await request.scoresOf(ids) : new Map();
    return {
      kind: 'package',
      ...(await buildSequencePackage(deps, { sources, fcpxmlVersion, scores })),
    };
  }
  const timeline = buildTimeline(sources, 'absolute');
  const document = timelineDocument(timeline, format as TimelineFormat, { fcpxmlVersion });
  const fileName = `${fileNameOf(sources.sequence.name)}${document.extension}`;
  return { kind: 'document', fileName, ...document };
}
