import { createGateway, loadGatewayConfig, pino } from '@vgw/gateway';
import type { Config, Gateway, GatewayOptions } from '@vgw/gateway';
import type { CommandContext } from '../command-context.js';

export interface OpenGatewayOptions {
  /**
   * `quiet` logs errors only, to stderr, so a command's stdout stays clean for scripts;
   * `service` logs at the configured level to stdout, as a server's logs usually go.
   */
  logging: 'quiet' | 'service';
  authenticator?: GatewayOptions['authenticator'];
  pollAfterMs?: number;
  /** False for commands that never create videos: no policy or signing keys are loaded. */
  screening?: boolean;
}

export function loadContextConfig(context: CommandContext): Promise<Config> {
  return loadGatewayConfig({
    cwd: context.io.cwd,
    environment: context.io.environment,
    file: context.globals().configFile,
  });
}

/** Loads the configuration and composes a gateway in this process (its own database). */
export async function openGateway(
  context: CommandContext,
  options: OpenGatewayOptions,
): Promise<Gateway> {
  const config: Config = await loadContextConfig(context);
  const debug = context.globals().debug;
  // Set on the loaded object itself: it is fresh, and keeps the file it came from for errors.
  if (debug) config.logLevel = 'debug';
  const gatewayOptions: GatewayOptions = {};
  if (options.authenticator != null) gatewayOptions.authenticator = options.authenticator;
  if (options.pollAfterMs != null) gatewayOptions.pollAfterMs = options.pollAfterMs;
  if (options.screening != null) gatewayOptions.screening = options.screening;
  // Through the injected streams, so in-process runs capture the logs like the rest.
  const destination = options.logging === 'quiet' ? context.io.stderr : context.io.stdout;
  const quietLevel = debug ? 'debug' : 'error';
  gatewayOptions.logger = pino(
    { level: options.logging === 'quiet' ? quietLevel : config.logLevel, base: { service: 'vgw' } },
    { write: (line: string) => destination.write(line) },
  );
  return createGateway(config, gatewayOptions);
}

/**
 * Runs `work` on this gateway's own database and closes it after: for the commands that manage
 * what lives only there (keys, budgets), which therefore never go through a remote gateway.
 */
export async function withOwnDatabase(
  context: CommandContext,
  work: (gateway: Gateway) => Promise<void>,
): Promise<void> {
  const gateway = await openGateway(context, { logging: 'quiet', screening: false });
  try {
    await work(gateway);
  } finally {
    await gateway.close();
  }
}
