import type { Command } from 'commander';
import { openGateway } from '../client/open-gateway.js';
import type { CommandContext } from '../command-context.js';
import { untilAborted } from '../lifecycle/until-aborted.js';
import { parsePositiveInteger } from '../options/parse-option-values.js';

async function runWorker(context: CommandContext, options: { concurrency?: number }) {
  const gateway = await openGateway(context, { logging: 'service' });
  try {
    const concurrency = options.concurrency ?? gateway.config.workers.concurrency;
    const worker = gateway.newWorker({ concurrency });
    await worker.start();
    try {
      context.io.stdout.write(
        `vgw worker ${worker.workerId} running (concurrency ${concurrency})\n`,
      );
      await untilAborted(context.signal);
    } finally {
      await worker.stop({ graceMs: gateway.config.workers.shutdownGraceMs });
    }
  } finally {
    await gateway.close();
  }
}

export function registerWorkerCommand(program: Command, context: CommandContext): void {
  program
    .command('worker')
    .description('render queued videos, without serving HTTP (for scaling out with DATABASE_URL)')
    .option(
      '--concurrency <n>',
      'videos handled at once (default: workers.concurrency)',
      parsePositiveInteger,
    )
    .action((options: { concurrency?: number }) => runWorker(context, options));
}
