import { run } from '../main.js';
import { captureIo } from './capture-io.js';

export interface VgwResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs `vgw …args` in-process in `cwd`, with what it printed. */
export async function runVgw(cwd: string, args: string[]): Promise<VgwResult> {
  const captured = captureIo({ cwd });
  const exitCode = await run(['node', 'vgw', ...args], captured.io);
  return { exitCode, stdout: captured.stdout(), stderr: captured.stderr() };
}
