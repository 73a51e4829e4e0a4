import { createRequire } from 'node:module';
import { Command } from 'commander';
import type { CliIo } from './cli-io.js';
import type { CommandContext } from './command-context.js';
import { registerAuditCommand } from './commands/audit-command.js';
import { registerRedteamCommand } from './commands/register-redteam-command.js';
import { registerBenchCommand } from './commands/bench-command.js';
import { registerDatasetCommand } from './commands/dataset-command.js';
import { registerDeleteCommand } from './commands/delete-command.js';
import { registerDownloadCommand } from './commands/download-command.js';
import { registerEmulateCommand } from './commands/emulate-command.js';
import { registerEnginesCommand } from './commands/engines-command.js';
import { registerGenerateCommand } from './commands/generate-command.js';
import { registerGetCommand } from './commands/get-command.js';
import { registerBudgetsCommand } from './commands/budgets-command.js';
import { registerKeysCommand } from './commands/keys-command.js';
import { registerListCommand } from './commands/list-command.js';
import { registerRateCommand } from './commands/rate-command.js';
import { registerScoreCommand } from './commands/score-command.js';
import { registerSequenceCommands } from './commands/sequence-command.js';
import { registerServeCommand } from './commands/serve-command.js';
import { registerStoryboardCommand } from './commands/storyboard-command.js';
import { registerUsageCommand } from './commands/usage-command.js';
import { registerVerifyCommand } from './commands/verify-command.js';
import { registerWorkerCommand } from './commands/worker-command.js';

const packageJson = createRequire(import.meta.url)('../package.json') as { version: string };

const modesHelp = `
Without VGW_BASE_URL and VGW_API_KEY, commands run an embedded gateway on ./.vgw (or the
configured dataDir / DATABASE_URL); with both set they talk to that gateway.`;

/** A fresh program per run: commander keeps parse state on the instance. */
export function buildProgram(io: CliIo, signal: AbortSignal): Command {
  const program = new Command('vgw');
  program
    .description('generate and manage AI videos through a vgw gateway')
    .option('--config <file>', 'the configuration file (default: ./vgw.config.{json,yaml})')
    .option('--debug', 'log verbosely and print stack traces of unexpected errors')
    .version(packageJson.version, '--version', 'print the version')
    .addHelpText('after', modesHelp)
    // Set before the subcommands are added: they inherit it.
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      // Errors are printed by run() in the CLI's one-line format.
      outputError: () => {},
    });
  const context: CommandContext = {
    io,
    signal,
    globals: () => {
      const options = program.opts<{ config?: string; debug?: boolean }>();
      return { configFile: options.config ?? null, debug: options.debug === true };
    },
  };
  for (const register of [
    registerGenerateCommand,
    registerStoryboardCommand,
    registerListCommand,
    registerGetCommand,
    registerDownloadCommand,
    registerDeleteCommand,
    registerSequenceCommands,
    registerScoreCommand,
    registerRateCommand,
    registerDatasetCommand,
    registerBenchCommand,
    registerEnginesCommand,
    registerServeCommand,
    registerWorkerCommand,
    registerKeysCommand,
    registerBudgetsCommand,
    registerUsageCommand,
    registerVerifyCommand,
    registerAuditCommand,
    registerRedteamCommand,
    registerEmulateCommand,
  ]) {
    register(program, context);
  }
  return program;
}
