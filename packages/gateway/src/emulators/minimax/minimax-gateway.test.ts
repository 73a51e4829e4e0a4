import { describe, expect, it } from 'vitest';
import { minimaxProvider } from '../../providers/minimax/minimax-provider.js';
import { useEmulatedGateway } from '../../test-support/emulated-gateway-fixture.js';
import {
  describeStandardReliability,
  sharedOutcomes,
  gatewayTestTimeout,
  renderThrough,
  type StandardReliabilityOptions,
} from '../../test-support/provider-gateway-suite.js';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { minimaxEmulator } from './minimax-emulator.js';

interface MinimaxModelCase {
  /** The describe title, e.g. `minimax Hailuo (v1)`. */
  title: string;
  modelId: string;
  request: { seconds: number; size: string };
  /** The prompt of the render case. */
  renderPrompt: string;
  expectations: StandardReliabilityOptions['expectations'];
}

/** Registers the render case and the standard trigger cases for one MiniMax model. */
function describeMinimaxModel(model: MinimaxModelCase): void {
  describe.each(testDatabaseKinds())(`${model.title} through the gateway on %s`, (kind) => {
    const fixture = useEmulatedGateway({
      kind,
      provider: minimaxProvider,
      emulator: minimaxEmulator,
      modelId: model.modelId,
      setupMs: 120_000,
    });

    it('renders to an MP4 that ffprobe reads', gatewayTestTimeout, async () => {
      const { probe } = await renderThrough(fixture, {
        model: `minimax/${model.modelId}`,
        prompt: model.renderPrompt,
        ...model.request,
      });
      expect(probe.codec).toBe('h264');
      expect(probe.durationSeconds).toBeCloseTo(model.request.seconds, 0);
    });

    describeStandardReliability({
      kind,
      harness: () => fixture.harness,
      model: `minimax/${model.modelId}`,
      request: model.request,
      expectations: model.expectations,
    });
  });
}

describeMinimaxModel({
  title: 'minimax Hailuo (v1)',
  modelId: 'MiniMax-Hailuo-02',
  request: { seconds: 6, size: '1366x768' },
  renderPrompt: 'a quiet library',
  expectations: {
    ...sharedOutcomes,
    '429': { status: 'failed', code: /start_failed|provider_rate_limited/, settleMs: 60_000 },
    '500-once': { status: 'completed', settleMs: 90_000 },
    // A failing status check is retried until the deadline; it is pulled forward.
    garbage: { status: 'failed', expireAfterMs: 4_000, title: 'ends failed, never stuck' },
    'metadata-url': {
      status: 'failed',
      message: /refusing to fetch 169\.254\.169\.254/,
      settleMs: 60_000,
      title: 'is refused by the download and ends failed',
    },
    'loopback-url': { status: 'failed', message: /download/, settleMs: 60_000 },
  },
});

describeMinimaxModel({
  title: 'minimax H3 (v2)',
  modelId: 'MiniMax-H3',
  request: { seconds: 5, size: '1440x2560' },
  renderPrompt: 'a tall tower',
  expectations: {
    ...sharedOutcomes,
    '429': { status: 'failed', settleMs: 60_000 },
  },
});
