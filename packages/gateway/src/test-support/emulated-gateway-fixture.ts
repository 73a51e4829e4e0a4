import { afterAll, beforeAll } from 'vitest';
import type { EmulatorDefinition } from '../emulators/emulator-definition.js';
import type { ProviderDefinition } from '../providers/provider-definition.js';
import { emulatedGateway, type EmulatedGateway } from './emulated-provider.js';
import { useScratchDirectory, type ScratchDirectory } from './scratch-directory.js';
import type { TestDatabaseKind } from './test-databases.js';

export interface EmulatedGatewayFixtureOptions {
  kind: TestDatabaseKind;
  provider: ProviderDefinition;
  emulator: EmulatorDefinition;
  modelId: string;
  /** How long starting the emulator and gateway may take (default 60 s). */
  setupMs?: number;
  /** Clean-up that still needs the gateway's database, run before it closes. */
  beforeClose?: (harness: EmulatedGateway) => Promise<void>;
}

/** What a `<provider>-gateway.test.ts` suite reads inside its tests. */
export interface EmulatedGatewayFixture {
  readonly harness: EmulatedGateway;
  /** A scratch folder for downloaded content, removed after the suite. */
  readonly directory: ScratchDirectory;
}

/**
 * Starts one provider's emulator and a gateway configured against it before the enclosing
 * suite's tests, and closes both after them.
 */
export function useEmulatedGateway(options: EmulatedGatewayFixtureOptions): EmulatedGatewayFixture {
  let harness: EmulatedGateway | null = null;
  beforeAll(async () => {
    harness = await emulatedGateway(
      options.kind,
      options.provider,
      options.emulator,
      options.modelId,
    );
  }, options.setupMs ?? 60_000);
  afterAll(async () => {
    if (harness == null) return;
    await options.beforeClose?.(harness);
    await harness.close();
  });
  const directory = useScratchDirectory(`vgw-${options.provider.id}-gateway-`);
  return {
    get harness() {
      if (harness == null) throw new Error('the emulated gateway starts in beforeAll');
      return harness;
    },
    directory,
  };
}
