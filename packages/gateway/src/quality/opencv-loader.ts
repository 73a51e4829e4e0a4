import { createRequire } from 'node:module';
import type * as OpenCvModule from '@techstark/opencv-js';

/** The opencv-js namespace (wasm build 4.12, single-threaded). */
export type OpenCv = typeof OpenCvModule;

/**
 * A box around the module: the Emscripten module object has its own `then` method, so resolving a
 * promise with it directly would make `await` adopt it as a thenable and never settle.
 */
export interface OpenCvRuntime {
  cv: OpenCv;
}

interface EmscriptenModule {
  Mat?: unknown;
  onRuntimeInitialized?: () => void;
}

let loading: Promise<OpenCvRuntime> | null = null;

function processListeners(): Set<(...args: never[]) => unknown> {
  return new Set([
    ...process.listeners('unhandledRejection'),
    ...process.listeners('uncaughtException'),
  ]);
}

/**
 * opencv.js registers process-wide `unhandledRejection` / `uncaughtException` handlers when it
 * detects Node; they would turn any unrelated rejection in the gateway into a wasm abort. We drop
 * the handlers it added and keep the ones that were there before.
 */
function removeAddedListeners(before: Set<(...args: never[]) => unknown>): void {
  for (const listener of process.listeners('unhandledRejection')) {
    if (!before.has(listener)) process.removeListener('unhandledRejection', listener);
  }
  for (const listener of process.listeners('uncaughtException')) {
    if (!before.has(listener)) process.removeListener('uncaughtException', listener);
  }
}

async function loadOnce(): Promise<OpenCvRuntime> {
  const before = processListeners();
  // require, not import(): the module object (and under some loaders its namespace) has a `then`
  // method, and awaiting a dynamic import of it never settles.
  const module = createRequire(import.meta.url)('@techstark/opencv-js') as EmscriptenModule;
  removeAddedListeners(before);
  if (typeof module.Mat !== 'function') {
    // The wasm is compiled asynchronously; the classes appear when the runtime is initialised.
    await new Promise<void>((resolve) => {
      const previous = module.onRuntimeInitialized;
      module.onRuntimeInitialized = () => {
        previous?.();
        resolve();
      };
    });
  }
  return { cv: module as unknown as OpenCv };
}

/** Loads opencv-js once per process, lazily (≈130–280 ms the first time). */
export function loadOpenCv(): Promise<OpenCvRuntime> {
  if (loading == null) {
    loading = loadOnce().catch((error: unknown) => {
      loading = null;
      throw error;
    });
  }
  return loading;
}
