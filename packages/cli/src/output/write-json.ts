import type { OutputStream } from '../cli-io.js';

/** Pretty-printed and newline-terminated, so it reads well and pipes into `jq` alike. */
export function writeJson(stream: OutputStream, value: unknown): void {
  stream.write(`${JSON.stringify(value, null, 2)}\n`);
}
