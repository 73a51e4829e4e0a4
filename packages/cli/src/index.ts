/** `@vgw/cli` as a library: run a command line in-process, as the tests and wrappers do. */
export { main, run } from './main.js';
export type { CliIo, OutputStream, SignalSource } from './cli-io.js';
