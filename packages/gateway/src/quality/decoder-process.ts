import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import { VideoQualityError } from './quality-error.js';

/** Cuts a byte stream into fixed-size frames, each in a fresh buffer or one handed back. */
export class FrameAssembler {
  private pending: Buffer;
  private filled = 0;
  /** Buffers the consumer is done with: reused before allocating (large frames, less GC). */
  readonly free: Buffer[] = [];

  constructor(private readonly frameBytes: number) {
    this.pending = this.take();
  }

  private take(): Buffer {
    return this.free.pop() ?? Buffer.allocUnsafe(this.frameBytes);
  }

  /** Appends a chunk; returns the frames it completed, in order. */
  push(chunk: Buffer): Buffer[] {
    const complete: Buffer[] = [];
    for (let offset = 0; offset < chunk.length; ) {
      const end = offset + this.frameBytes - this.filled;
      const copied = chunk.copy(this.pending, this.filled, offset, end);
      this.filled += copied;
      offset += copied;
      if (this.filled < this.frameBytes) continue;
      complete.push(this.pending);
      this.pending = this.take();
      this.filled = 0;
    }
    return complete;
  }

  get partial(): boolean {
    return this.filled !== 0;
  }
}

export interface DecoderOptions {
  ffmpegPath: string;
  file: string;
  /** Whole-run budget: ffmpeg is killed once it has run this long (backpressure included). */
  timeoutMs: number;
  /** Aborting kills ffmpeg. */
  signal?: AbortSignal;
}

/**
 * One ffmpeg process writing raw frames to `outputs` pipes (fd 1, then 3, 4…), with the budget,
 * abort and failure handling every decode shares. `finish()` turns how it ended into a clear error.
 */
export class DecoderProcess {
  readonly child: ChildProcess;
  readonly outputs: Readable[];
  private stderr = '';
  private timedOut = false;
  private readonly exited: Promise<number | null>;
  private readonly timer: NodeJS.Timeout;
  private readonly abort = (): void => {
    this.child.kill('SIGKILL');
  };

  constructor(
    private readonly options: DecoderOptions,
    args: string[],
    outputCount: number,
  ) {
    const extra = Array.from({ length: outputCount - 1 }, () => 'pipe' as const);
    this.child = spawn(options.ffmpegPath, args, { stdio: ['ignore', 'pipe', 'pipe', ...extra] });
    const pipes = [this.child.stdio[1], ...this.child.stdio.slice(3)];
    this.outputs = pipes.map((pipe) => pipe as Readable);
    this.child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString('utf8')).slice(-8192);
    });
    this.exited = new Promise((resolve) => {
      this.child.on('error', (error) => {
        this.stderr += `\n${error.message}`;
        resolve(null);
      });
      this.child.on('close', (code) => resolve(code));
    });
    this.timer = setTimeout(() => {
      this.timedOut = true;
      this.child.kill('SIGKILL');
    }, options.timeoutMs);
    options.signal?.addEventListener('abort', this.abort, { once: true });
  }

  /** After the outputs ended: throws `decode_timeout` or `decode_failed` unless ffmpeg exited 0. */
  async finish(truncated: boolean): Promise<void> {
    const exitCode = await this.exited;
    if (this.timedOut) {
      throw new VideoQualityError(
        'decode_timeout',
        `decoding ${this.options.file} took longer than ${this.options.timeoutMs} ms`,
      );
    }
    if (exitCode !== 0 || truncated) {
      const reason = this.stderr.trim() || (truncated ? 'truncated frame' : `exit ${exitCode}`);
      throw new VideoQualityError(
        'decode_failed',
        `decoding ${this.options.file} failed: ${reason}`,
      );
    }
  }

  /** Always called (finally): stops the timer and ffmpeg if it is still running. */
  close(): void {
    clearTimeout(this.timer);
    this.options.signal?.removeEventListener('abort', this.abort);
    if (this.child.exitCode == null && this.child.signalCode == null) this.child.kill('SIGKILL');
  }
}
