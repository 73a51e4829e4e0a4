import { join } from 'node:path';
import type { VideoModelV1 } from '@vgw/spec';
import { bundledBinaryPaths } from '../media/bundled-binaries.js';
import { runCommand } from '../media/run-command.js';
import { completedWithFiles, createFakeVideoModel } from './fake-video-model.js';
import type { TestGateway } from './test-gateway.js';

export interface TestClipSpec {
  name: string;
  frames: number;
  /** An ffmpeg rate: `24`, `25`, `24000/1001`, `30000/1001`. */
  rate?: string;
  width?: number;
  height?: number;
  /** Adds a sine-tone audio stream. */
  audio?: boolean;
}

/** A small real H.264 MP4 (ffmpeg's moving test pattern), so probes and exports see real media. */
export async function renderTestClip(directory: string, spec: TestClipSpec): Promise<string> {
  const path = join(directory, `${spec.name}.mp4`);
  const size = `${spec.width ?? 160}x${spec.height ?? 90}`;
  const rate = spec.rate ?? '24';
  const audioInput =
    spec.audio === true ? ['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000'] : [];
  const audioOutput = spec.audio === true ? ['-c:a', 'aac', '-shortest'] : [];
  const result = await runCommand(
    bundledBinaryPaths().ffmpegPath,
    [
      ...['-v', 'error', '-y', '-f', 'lavfi', '-i', `testsrc2=size=${size}:rate=${rate}`],
      ...audioInput,
      ...['-frames:v', String(spec.frames), '-c:v', 'libx264', '-preset', 'ultrafast'],
      ...['-pix_fmt', 'yuv420p', ...audioOutput, path],
    ],
    { timeoutMs: 60_000, maxStdoutBytes: 1024 * 1024 },
  );
  if (result.exitCode !== 0) throw new Error(`ffmpeg failed: ${result.stderr}`);
  return path;
}

/**
 * A fake engine whose renders finish at once with the file named for their prompt (workers
 * start videos in parallel, so turn order would not say which video got which file).
 */
export function createFileVideoModel(
  filesByPrompt: Record<string, string>,
  modelId = 'fake-1',
): VideoModelV1 {
  return createFakeVideoModel({
    modelId,
    startScript: (options) => {
      const file = filesByPrompt[options.prompt];
      if (file == null) throw new Error(`no test clip for the prompt "${options.prompt}"`);
      return { operation: { file }, warnings: [] };
    },
    statusScript: (_checks, operation) =>
      completedWithFiles('/', { video: (operation as { file: string }).file }),
  });
}

/** Creates one video per prompt through the API and runs a worker until all have completed. */
export async function completeVideos(gateway: TestGateway, prompts: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const prompt of prompts) {
    const response = await gateway.postVideo({ prompt, seconds: '4' });
    const body = (await response.json()) as { id?: string; error?: unknown };
    if (response.status !== 200 || body.id == null) {
      throw new Error(`create failed: ${response.status} ${JSON.stringify(body)}`);
    }
    ids.push(body.id);
  }
  await gateway.drain(gateway.newWorker());
  return ids;
}
