import { randomUUID } from 'node:crypto';
import {
  EngineBusyError,
  type JSONValue,
  type VideoCallOptions,
  type VideoModelV1,
  type VideoVariant,
} from '@vgw/spec';
import { triggersIn, type TriggerWord } from './emulator-triggers.js';

export type EmulatedState = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

/** A render as an emulated provider received it; the image is a file the emulator saved. */
export interface EmulatedRequest
  extends Pick<VideoCallOptions, 'prompt' | 'seconds' | 'width' | 'height' | 'fps' | 'seed'> {
  imagePath: string | null;
}

export interface EmulatedJob {
  id: string;
  request: EmulatedRequest;
  triggers: Set<TriggerWord>;
  state: EmulatedState;
  progress: number;
  createdAt: number;
  completedAt: number | null;
  /** Why it failed: `input` or `output` moderation, or a render error. */
  failure: { kind: 'input_moderation' | 'output_moderation' | 'render'; message: string } | null;
  files: Partial<Record<VideoVariant, string>>;
  checks: number;
}

/**
 * The render farm behind every emulator: jobs rendered by the real `local` engine, so an
 * emulated provider returns a playable MP4. Jobs live in memory, as long as the emulator runs.
 */
/** The render farm was full when the job was submitted: it stays queued, as at a provider. */
const waitingForSlot = Symbol('waiting for a render slot');

type StartedOperation = JSONValue | null | typeof waitingForSlot;

export class EmulatedRenderer {
  private readonly jobs = new Map<
    string,
    { job: EmulatedJob; operation: Promise<StartedOperation> }
  >();
  /** Starts run one after another, so the farm admits jobs in the order they came, as a queue. */
  private lastStart: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly engine: VideoModelV1,
    private readonly now: () => number = Date.now,
  ) {}

  submit(request: EmulatedRequest): EmulatedJob {
    const id = randomUUID();
    const triggers = triggersIn(request.prompt);
    const job: EmulatedJob = {
      id,
      request,
      triggers,
      state: 'queued',
      progress: 0,
      createdAt: this.now(),
      completedAt: null,
      failure: null,
      files: {},
      checks: 0,
    };
    if (triggers.has('moderate')) {
      job.state = 'failed';
      job.failure = {
        kind: 'input_moderation',
        message: 'the prompt was flagged by content moderation',
      };
      this.jobs.set(id, { job, operation: Promise.resolve(null) });
      return job;
    }
    const operation = this.start(job);
    this.jobs.set(id, { job, operation });
    return job;
  }

  /** Starts the job's render; a full render farm leaves the job queued until a later check. */
  private start(job: EmulatedJob): Promise<StartedOperation> {
    const started = this.lastStart.then(() => this.startNow(job));
    this.lastStart = started;
    return started;
  }

  private startNow(job: EmulatedJob): Promise<StartedOperation> {
    const { request } = job;
    return this.engine
      .doStart({
        prompt: request.prompt,
        seconds: request.seconds,
        width: request.width,
        height: request.height,
        fps: request.fps,
        seed: request.seed,
        inputReference:
          request.imagePath != null ? { path: request.imagePath, mediaType: 'image/png' } : null,
        idempotencyKey: `emulated-${job.id}`,
        providerOptions: {},
      })
      .then((started): StartedOperation => started.operation)
      .catch((error: unknown) => {
        if (error instanceof EngineBusyError) return waitingForSlot;
        job.state = 'failed';
        job.failure = { kind: 'render', message: (error as Error).message };
        return null;
      });
  }

  get(id: string): EmulatedJob | null {
    return this.jobs.get(id)?.job ?? null;
  }

  /** Advances a job by asking the local engine once; the emulator answers from the result. */
  async check(id: string): Promise<EmulatedJob | null> {
    const entry = this.jobs.get(id);
    if (entry == null) return null;
    const { job } = entry;
    job.checks += 1;
    if (job.state === 'failed' || job.state === 'cancelled' || job.state === 'succeeded')
      return job;
    const operation = await entry.operation;
    if (operation === waitingForSlot) {
      entry.operation = this.start(job);
      return job;
    }
    if (operation == null || job.triggers.has('never')) return this.markRunning(job, 10);
    const status = await this.engine.doStatus({ operation });
    if (status.status === 'pending') return this.markRunning(job, status.progress ?? 0);
    if (status.status === 'failed')
      return this.finish(job, 'failed', { kind: 'render', message: status.error.message });
    for (const file of status.videos) if (file.kind === 'file') job.files[file.variant] = file.path;
    if (job.triggers.has('fail'))
      return this.finish(job, 'failed', { kind: 'render', message: 'the render failed' });
    if (job.triggers.has('moderate-output')) {
      return this.finish(job, 'failed', {
        kind: 'output_moderation',
        message: 'the output was flagged by content moderation',
      });
    }
    return this.finish(job, 'succeeded', null);
  }

  async cancel(id: string): Promise<boolean> {
    const entry = this.jobs.get(id);
    if (entry == null) return false;
    const operation = await entry.operation;
    if (operation != null && operation !== waitingForSlot && entry.job.state !== 'succeeded')
      await this.engine.doCancel?.({ operation });
    if (entry.job.state === 'queued' || entry.job.state === 'running')
      entry.job.state = 'cancelled';
    return true;
  }

  /** Stops every render still in flight, so nothing writes into the farm after it closes. */
  async close(): Promise<void> {
    const unfinished = [...this.jobs.values()].filter(
      ({ job }) => job.state === 'queued' || job.state === 'running',
    );
    await Promise.all(unfinished.map(({ job }) => this.cancel(job.id)));
  }

  delete(id: string): boolean {
    return this.jobs.delete(id);
  }

  private markRunning(job: EmulatedJob, progress: number): EmulatedJob {
    job.state = 'running';
    job.progress = Math.max(job.progress, Math.min(99, Math.round(progress)));
    return job;
  }

  private finish(
    job: EmulatedJob,
    state: 'succeeded' | 'failed',
    failure: EmulatedJob['failure'],
  ): EmulatedJob {
    job.state = state;
    job.failure = failure;
    job.progress = state === 'succeeded' ? 100 : job.progress;
    job.completedAt = this.now();
    return job;
  }
}
