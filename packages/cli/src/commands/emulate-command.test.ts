import { emulatedProviders } from '@vgw/gateway';
import { describe, expect, it } from 'vitest';
import { run } from '../main.js';
import { captureIo } from '../test-support/capture-io.js';

describe('vgw emulate', () => {
  it("lists every provider of the gateway's catalog in its help", async () => {
    const captured = captureIo({ cwd: process.cwd(), environment: {} });
    await run(['node', 'vgw', 'emulate', '--help'], captured.io);
    const help = captured.stdout() + captured.stderr();
    expect(emulatedProviders().length).toBeGreaterThan(0);
    for (const provider of emulatedProviders()) expect(help).toContain(provider);
  });

  it('refuses a provider it cannot emulate, naming the ones it can', async () => {
    const captured = captureIo({ cwd: process.cwd(), environment: {} });
    const exitCode = await run(['node', 'vgw', 'emulate', 'nobody'], captured.io);
    expect(exitCode).not.toBe(0);
    expect(captured.stderr()).toContain(`available: ${emulatedProviders().join(', ')}`);
  });
});
