import { join } from 'node:path';
import type {
  VideoCapabilities,
  VideoCallOptions,
  VideoFile,
  VideoModelV1,
  VideoStartResult,
  VideoStatusResult,
} from '@vgw/spec';

export const fakeCapabilities: VideoCapabilities = {
  durations: { kind: 'set', seconds: [4, 8, 12] },
  defaultSeconds: 4,
  sizes: { kind: 'set', values: ['1280x720', '720x1280'] },
  defaultSize: '1280x720',
  fps: { values: [24], default: 24 },
  seed: false,
  audio: true,
  imageInput: true,
  maxPromptLength: 1000,
  price: {
    currency: 'USD',
    microUsdPerSecond: 100_000,
    source: 'test fixture',
    asOf: '2026-11-25',
  },
};

export interface FakeVideoModel extends VideoModelV1 {
  startCalls: VideoCallOptions[];
  statusCalls: number;
  cancelCalls: number;
  /** What the next doStatus answers; a function sees how many checks came before. */
  statusScript: (checks: number, operation: unknown) => VideoStatusResult;
  startScript: (options: VideoCallOptions) => VideoStartResult;
}

/** An engine that renders nothing, for job tests and the transitions benchmark. */
export function createFakeVideoModel(
  overrides: Partial<Pick<FakeVideoModel, 'statusScript' | 'startScript'>> & {
    modelId?: string;
  } = {},
): FakeVideoModel {
  const model: FakeVideoModel = {
    specificationVersion: 'v1',
    provider: 'fake',
    modelId: overrides.modelId ?? 'fake-1',
    capabilities: fakeCapabilities,
    startCalls: [],
    statusCalls: 0,
    cancelCalls: 0,
    startScript:
      overrides.startScript ??
      ((options) => ({ operation: { job: options.idempotencyKey }, warnings: [] })),
    statusScript: overrides.statusScript ?? (() => ({ status: 'pending', progress: 50 })),
    async doStart(options) {
      model.startCalls.push(options);
      return model.startScript(options);
    },
    async doStatus({ operation }) {
      const checks = model.statusCalls;
      model.statusCalls += 1;
      return model.statusScript(checks, operation);
    },
    async doCancel() {
      model.cancelCalls += 1;
    },
  };
  return model;
}

/** A completed status whose outputs are files in `directory`: the video, and a thumbnail if named. */
export function completedWithFiles(
  directory: string,
  files: { video: string; thumbnail?: string },
): VideoStatusResult {
  const video = { variant: 'video', kind: 'file', path: join(directory, files.video) } as const;
  const outputs: VideoFile[] = [{ ...video, mediaType: 'video/mp4' }];
  if (files.thumbnail != null) {
    const path = join(directory, files.thumbnail);
    outputs.push({ variant: 'thumbnail', kind: 'file', path, mediaType: 'image/jpeg' });
  }
  return { status: 'completed', videos: outputs };
}
