import { describe, expect, it } from 'vitest';
import { runCommand } from './run-command.js';

describe('runCommand', () => {
  it('collects stdout as bytes and stderr as text with the exit code', async () => {
    const result = await runCommand('/bin/sh', ['-c', 'printf "a\\000b"; echo oops >&2; exit 3'], {
      timeoutMs: 5000,
    });
    expect(result.exitCode).toBe(3);
    expect([...result.stdout]).toEqual([0x61, 0, 0x62]);
    expect(result.stderr.trim()).toBe('oops');
    expect(result.timedOut).toBe(false);
  });

  it('passes arguments without a shell', async () => {
    const result = await runCommand('/bin/echo', ['$(id)', ';', '`x`'], { timeoutMs: 5000 });
    expect(result.stdout.toString().trim()).toBe('$(id) ; `x`');
  });

  it('kills a process that runs past the timeout', async () => {
    const started = Date.now();
    const result = await runCommand('/bin/sleep', ['10'], { timeoutMs: 200 });
    expect(result.timedOut).toBe(true);
    expect(result.signal).toBe('SIGKILL');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('resolves with a null exit code when the program does not exist', async () => {
    const result = await runCommand('/nonexistent/program', [], { timeoutMs: 1000 });
    expect(result.exitCode).toBeNull();
    expect(result.stderr).toContain('ENOENT');
  });
});
