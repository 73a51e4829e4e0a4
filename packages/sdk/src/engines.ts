import type { RequestOptions } from './client-options.js';
import type { Transport } from './transport.js';
import type { EngineList } from './types.js';

/** `client.engines`: the gateway's `/engines` extension (the providers and models it serves). */
export class Engines {
  private readonly transport: Transport;

  constructor(transport: Transport) {
    this.transport = transport;
  }

  async list(options?: RequestOptions): Promise<EngineList> {
    const request = { method: 'GET', path: '/engines', options } as const;
    return (await this.transport.json<EngineList>(request)).body;
  }
}
