import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import OpenAI from 'openai';
import type { TestGateway } from './test-gateway.js';

export interface ListeningOpenAIClient {
  /** The official openai client, unchanged, pointed at the gateway's `/v1`. */
  client: OpenAI;
  /** Stops the listener (the gateway itself is the caller's to dispose). */
  close: () => Promise<void>;
}

/** Serves `gateway` on a loopback port and returns an openai client for it, without retries. */
export async function listeningOpenAIClient(gateway: TestGateway): Promise<ListeningOpenAIClient> {
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const listening = serve({ fetch: gateway.app.fetch, hostname: '127.0.0.1', port: 0 }, () =>
      resolve(listening),
    );
  });
  const { port } = server.address() as AddressInfo;
  const client = new OpenAI({
    apiKey: gateway.apiKey,
    baseURL: `http://127.0.0.1:${port}/v1`,
    maxRetries: 0,
  });
  return { client, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
