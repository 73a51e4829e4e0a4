import type { EmulatedJob } from '../emulated-renderer.js';
import type { WorkflowGraph } from './comfyui-workflow-reader.js';

/** What the emulator remembers of a queued prompt. */
export interface PromptRecord {
  promptId: string;
  jobId: string;
  number: number;
  graph: WorkflowGraph;
  clientId: string | null;
  output: { id: string; kind: 'images' | 'gifs' };
  /** Deleted from the queue before it ran: ComfyUI then keeps no history of it. */
  deleted: boolean;
  interrupted: boolean;
}

/** The queue entry: [number, prompt_id, graph, extra_data, outputs_to_execute]. */
export function queueItem(record: PromptRecord) {
  return [
    record.number,
    record.promptId,
    record.graph,
    { client_id: record.clientId },
    [record.output.id],
  ];
}

export function outputFilename(record: PromptRecord): string {
  return `gw_${record.number.toString().padStart(5, '0')}_.mp4`;
}

function outputs(record: PromptRecord, job: EmulatedJob) {
  if (job.triggers.has('no-url')) return {};
  const file = { filename: outputFilename(record), subfolder: 'video', type: 'output' };
  if (record.output.kind === 'gifs') {
    return {
      [record.output.id]: {
        gifs: [{ ...file, format: 'video/h264-mp4', frame_rate: job.request.fps }],
      },
    };
  }
  return { [record.output.id]: { images: [file], animated: [true] } };
}

function failureMessage(record: PromptRecord, job: EmulatedJob) {
  const at = { prompt_id: record.promptId, timestamp: job.completedAt ?? job.createdAt };
  if (record.interrupted || job.state === 'cancelled') {
    return [
      'execution_interrupted',
      { ...at, node_id: record.output.id, node_type: 'KSampler', executed: [] },
    ];
  }
  const exception =
    job.failure?.kind === 'input_moderation'
      ? 'The prompt was flagged as NSFW by the safety checker.'
      : job.failure?.kind === 'output_moderation'
        ? 'The output video was flagged as NSFW by the safety checker.'
        : (job.failure?.message ?? 'the render failed');
  return [
    'execution_error',
    {
      ...at,
      node_id: record.output.id,
      node_type: String(record.graph[record.output.id]?.class_type ?? 'SaveVideo'),
      executed: [],
      exception_message: exception,
      exception_type: job.failure?.kind === 'render' ? 'RuntimeError' : 'ValueError',
      traceback: [],
      current_inputs: {},
      current_outputs: {},
    },
  ];
}

/** The `GET /history/{id}` entry of a finished prompt, as ComfyUI's main.py records it. */
export function historyEntry(record: PromptRecord, job: EmulatedJob) {
  const success = job.state === 'succeeded';
  const start = ['execution_start', { prompt_id: record.promptId, timestamp: job.createdAt }];
  const end = success
    ? ['execution_success', { prompt_id: record.promptId, timestamp: job.completedAt }]
    : failureMessage(record, job);
  return {
    prompt: queueItem(record),
    outputs: success ? outputs(record, job) : {},
    status: {
      status_str: success ? 'success' : 'error',
      completed: success,
      messages: [start, end],
    },
    meta: {},
  };
}
