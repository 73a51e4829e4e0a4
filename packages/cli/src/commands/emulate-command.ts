import type { Command } from 'commander';
import { emulatedProviders, startProviderEmulator, UnknownEmulatorError } from '@vgw/gateway';
import { loadContextConfig } from '../client/open-gateway.js';
import type { CommandContext } from '../command-context.js';
import { CliError } from '../errors/cli-error.js';
import { untilAborted } from '../lifecycle/until-aborted.js';
import { parsePort } from '../options/parse-option-values.js';

interface EmulateOptions {
  port?: number;
  apiKey: string;
}

async function runEmulator(context: CommandContext, provider: string, options: EmulateOptions) {
  const config = await loadContextConfig(context);
  let emulator;
  try {
    emulator = await startProviderEmulator(config, provider, {
      port: options.port ?? 0,
      apiKey: options.apiKey,
    });
  } catch (error) {
    if (error instanceof UnknownEmulatorError) throw new CliError(error.message);
    throw error;
  }
  try {
    context.io.stdout.write(
      `vgw emulating ${provider} on ${emulator.url} (api key: ${options.apiKey})\n`,
    );
    await untilAborted(context.signal);
  } finally {
    await emulator.close();
  }
}

export function registerEmulateCommand(program: Command, context: CommandContext): void {
  program
    .command('emulate')
    .description("serve a provider's API on 127.0.0.1, rendering with the local engine")
    .argument('<provider>', emulatedProviders().join(', '))
    .option('--port <n>', 'port to listen on (default: a free one)', parsePort)
    .option('--api-key <key>', 'the key clients must send', 'emulator-key')
    .action((provider: string, options: EmulateOptions) => runEmulator(context, provider, options));
}
