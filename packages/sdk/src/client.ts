import type { ClientOptions } from './client-options.js';
import { Datasets } from './datasets.js';
import { Engines } from './engines.js';
import { Sequences } from './sequences.js';
import { Storyboards } from './storyboards.js';
import { VgwError } from './errors.js';
import { sleep } from './sleep.js';
import { Transport } from './transport.js';
import { Videos } from './videos.js';

const DEFAULT_MAX_RETRIES = 2;
const DEFAULT_TIMEOUT_MS = 60_000;

function requireText(value: unknown, name: string, example: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new VgwError(`Vgw: the "${name}" option is required (e.g. ${example}).`);
  }
  return value;
}

function checkBaseURL(baseURL: string): void {
  if (!URL.canParse(baseURL)) {
    throw new VgwError(`Vgw: baseURL "${baseURL}" is not an absolute URL.`);
  }
}

function checkCount(value: number, name: string, minimum: number): void {
  if (!Number.isInteger(value) || value < minimum) {
    throw new VgwError(`Vgw: "${name}" must be an integer ≥ ${minimum}, got ${value}.`);
  }
}

/**
 * The client for a vgw gateway, shaped like openai-node:
 * `new Vgw({ baseURL: 'http://127.0.0.1:8080/v1', apiKey })`, then `client.videos.*`.
 */
export class Vgw {
  readonly baseURL: string;
  readonly maxRetries: number;
  readonly timeoutMs: number;
  readonly videos: Videos;
  readonly engines: Engines;
  readonly sequences: Sequences;
  /** vgw extension: fine-tuning dataset exports. */
  readonly datasets: Datasets;
  readonly storyboards: Storyboards;

  constructor(options: ClientOptions) {
    // Checked at run time too: JavaScript callers and config files can pass anything.
    const given: Partial<ClientOptions> = options ?? {};
    this.baseURL = requireText(given.baseURL, 'baseURL', 'http://127.0.0.1:8080/v1');
    checkBaseURL(this.baseURL);
    const apiKey = requireText(given.apiKey, 'apiKey', 'the API key the gateway issued');
    this.maxRetries = given.maxRetries ?? DEFAULT_MAX_RETRIES;
    this.timeoutMs = given.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    checkCount(this.maxRetries, 'maxRetries', 0);
    checkCount(this.timeoutMs, 'timeoutMs', 1);
    const clock = { sleep: given.sleep ?? sleep, now: given.now ?? (() => Date.now()) };
    const transport = new Transport({
      baseURL: this.baseURL,
      apiKey,
      // Looked up per call so a fetch stubbed on globalThis after construction is still used.
      fetch: given.fetch ?? ((url, init) => fetch(url, init)),
      maxRetries: this.maxRetries,
      timeoutMs: this.timeoutMs,
      defaultHeaders: given.defaultHeaders ?? {},
      sleep: clock.sleep,
      now: clock.now,
      random: given.random ?? Math.random,
    });
    this.videos = new Videos(transport, clock);
    this.engines = new Engines(transport);
    this.sequences = new Sequences(transport);
    this.datasets = new Datasets(transport);
    this.storyboards = new Storyboards(transport, clock);
  }
}

export default Vgw;
