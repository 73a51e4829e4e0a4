import { describe, expect, it } from 'vitest';
import type { ProviderDefinition } from '../../providers/provider-definition.js';
import { comfyuiProvider } from '../../providers/comfyui/comfyui-provider.js';
import template from '../../providers/comfyui/__fixtures__/workflow-template.json' with { type: 'json' };
import { useEmulatedGateway } from '../../test-support/emulated-gateway-fixture.js';
import {
  describeStandardReliability,
  sharedOutcomes,
  gatewayTestTimeout,
  renderThrough,
} from '../../test-support/provider-gateway-suite.js';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { comfyuiEmulator } from './comfyui-emulator.js';

// A tiny render: 1 s at 320x192.
const request = { seconds: 1, size: '320x192' };

/** The provider as an operator configures it: the workflow template comes from settings. */
const configured: ProviderDefinition = {
  ...comfyuiProvider,
  createModel: (modelId, settings) =>
    comfyuiProvider.createModel(modelId, {
      ...settings,
      options: { workflow: template, placeholders: { negative: 'blurry' } },
    }),
};

describe.each(testDatabaseKinds())('comfyui through the gateway (%s)', (kind) => {
  const fixture = useEmulatedGateway({
    kind,
    provider: configured,
    emulator: comfyuiEmulator,
    modelId: 'workflow',
  });

  it(
    'renders the substituted workflow into an MP4 that ffprobe reads',
    gatewayTestTimeout,
    async () => {
      const { probe } = await renderThrough(fixture, {
        model: 'comfyui/workflow',
        prompt: 'a lighthouse at dusk',
        ...request,
      });
      expect(probe.codec).toBe('h264');
      expect(probe.width).toBe(320);
      expect(probe.height).toBe(192);
      expect(probe.durationSeconds).toBeGreaterThan(0.5);
    },
  );

  describeStandardReliability({
    kind,
    harness: () => fixture.harness,
    model: 'comfyui/workflow',
    request,
    expectations: {
      ...sharedOutcomes,
      '429': { status: 'failed', code: /start_failed|provider_rate_limited/ },
      '429-once': { status: 'completed', settleMs: 90_000 },
      '500-once': { status: 'completed', settleMs: 90_000 },
      fail: {
        code: 'render_failed',
        message: /node 50 \(SaveVideo\)/,
        settleMs: 90_000,
        title: 'fails render_failed with the node exception',
      },
      garbage: {
        status: 'failed',
        code: 'provider_bad_response',
        message: /status checks in a row failed/,
        expireAfterMs: 8_000,
      },
      'no-url': { status: 'failed', code: 'no_output', expireAfterMs: 8_000 },
      'metadata-url': {
        status: 'failed',
        code: 'unsafe_url',
        message: /refusing to fetch 169\.254\.169\.254/,
        expireAfterMs: 8_000,
      },
      'loopback-url': { status: 'failed', code: 'download_failed', expireAfterMs: 8_000 },
    },
  });
});
