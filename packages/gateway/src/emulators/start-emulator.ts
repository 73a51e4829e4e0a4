import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import type { EmulatedRenderer } from './emulated-renderer.js';
import {
  fileRoutes,
  type EmulatorContext,
  type EmulatorDefinition,
} from './emulator-definition.js';
import { OnceLedger } from './emulator-triggers.js';

export interface RunningEmulator {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Starts one emulator on 127.0.0.1 (port 0 picks a free one). */
export async function startEmulator(
  definition: EmulatorDefinition,
  options: { renderer: EmulatedRenderer; apiKey: string; port?: number; now?: () => number },
): Promise<RunningEmulator> {
  let url = '';
  const context: EmulatorContext = {
    renderer: options.renderer,
    apiKey: options.apiKey,
    baseURL: () => url,
    now: options.now ?? Date.now,
    once: new OnceLedger(),
  };
  const app = new Hono();
  app.route('/', fileRoutes(options.renderer));
  app.route('/', definition.createApp(context));
  const server: ServerType = await new Promise((resolve) => {
    const started = serve(
      { fetch: app.fetch, hostname: '127.0.0.1', port: options.port ?? 0 },
      () => resolve(started),
    );
  });
  const { port } = server.address() as AddressInfo;
  url = `http://127.0.0.1:${port}`;
  return {
    url,
    port,
    close: () =>
      new Promise((resolve, reject) =>
        server.close((error) => (error != null ? reject(error) : resolve())),
      ),
  };
}
