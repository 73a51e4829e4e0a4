import type { EmulatedRequest } from '../emulated-renderer.js';
import { renderSize } from '../emulator-definition.js';

export type WorkflowGraph = Record<
  string,
  { class_type?: unknown; inputs?: Record<string, unknown> }
>;

const names = {
  prompt: ['text', 'prompt', 'positive_prompt'],
  width: ['width'],
  height: ['height'],
  fps: ['frame_rate', 'fps', 'frames_per_second'],
  frames: ['length', 'num_frames', 'frames', 'video_frames', 'frame_count'],
  seconds: ['seconds', 'duration'],
  seed: ['seed', 'noise_seed'],
} as const;

/** The first value among all nodes' inputs under one of the names (node links are skipped). */
function firstInput(
  graph: WorkflowGraph,
  candidates: readonly string[],
  kind: 'string' | 'number',
) {
  for (const node of Object.values(graph)) {
    for (const name of candidates) {
      const value = node.inputs?.[name];
      if (typeof value === kind && value !== '') return value as string | number;
    }
  }
  return null;
}

/**
 * What a real workflow would render, read from its (substituted) inputs: the prompt of the
 * first text encoder, the latent's size and length, the frame rate and the seed.
 */
export function renderRequestOf(graph: WorkflowGraph): EmulatedRequest {
  const number = (candidates: readonly string[]) =>
    firstInput(graph, candidates, 'number') as number | null;
  const width = number(names.width);
  const height = number(names.height);
  const fps = Math.min(60, Math.max(1, Math.round(number(names.fps) ?? 24)));
  const frames = number(names.frames);
  const seconds = number(names.seconds) ?? (frames != null ? frames / fps : 4);
  const seed = number(names.seed);
  return {
    prompt: String(firstInput(graph, names.prompt, 'string') ?? ''),
    seconds: Math.min(20, Math.max(1, Math.round(seconds))),
    ...renderSize(width != null && height != null ? `${width}x${height}` : null),
    fps,
    seed: seed != null && Number.isInteger(seed) ? seed : null,
    imagePath: null,
  };
}

/** The node that saves the video, and how it reports its file (core SaveVideo, or VHS). */
export function outputNodeOf(graph: WorkflowGraph): { id: string; kind: 'images' | 'gifs' } {
  const entries = Object.entries(graph);
  const saver =
    entries.find(([, node]) => /VHS_VideoCombine/.test(String(node.class_type))) ??
    entries.find(([, node]) => /Save(Video|WEBM|Animated)/.test(String(node.class_type)));
  const [id] = saver ?? entries.at(-1) ?? ['9'];
  return { id, kind: /VHS_/.test(String(saver?.[1].class_type)) ? 'gifs' : 'images' };
}

/** Node errors for nodes without a class_type, in ComfyUI's 400 shape; null when none. */
export function validationErrors(graph: WorkflowGraph) {
  const broken = Object.entries(graph).filter(
    ([, node]) => typeof node !== 'object' || node == null || typeof node.class_type !== 'string',
  );
  if (broken.length === 0 && Object.keys(graph).length > 0) return null;
  const nodeErrors: Record<string, unknown> = {};
  for (const [id] of broken) {
    nodeErrors[id] = {
      errors: [
        {
          type: 'invalid_prompt',
          message: 'Cannot execute because a node is missing the class_type property.',
          details: `Node ID '#${id}'`,
          extra_info: {},
        },
      ],
      dependent_outputs: [],
      class_type: null,
    };
  }
  return {
    error: {
      type: 'prompt_outputs_failed_validation',
      message: 'Prompt outputs failed validation',
      details: '',
      extra_info: {},
    },
    node_errors: nodeErrors,
  };
}
