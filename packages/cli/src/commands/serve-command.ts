import type { Command } from 'commander';
import type { Worker } from '@vgw/gateway';
import { openGateway } from '../client/open-gateway.js';
import type { CommandContext } from '../command-context.js';
import { listenHttp } from '../lifecycle/http-listener.js';
import { untilAborted } from '../lifecycle/until-aborted.js';
import { parsePort } from '../options/parse-option-values.js';

interface ServeOptions {
  host?: string;
  port?: number;
}

async function serveGateway(context: CommandContext, options: ServeOptions): Promise<void> {
  const gateway = await openGateway(context, { logging: 'service' });
  try {
    const { server: settings, workers } = gateway.config;
    const listener = await listenHttp(
      gateway,
      options.host ?? settings.host,
      options.port ?? settings.port,
    );
    let worker: Worker | null = null;
    try {
      if (workers.inServe) {
        worker = gateway.newWorker();
        await worker.start();
      }
      context.io.stdout.write(`vgw listening on ${listener.url}\n`);
      await untilAborted(context.signal);
    } finally {
      // New requests stop first, then renders get their grace, then the database closes.
      await Promise.all([
        listener.close(workers.shutdownGraceMs),
        worker?.stop({ graceMs: workers.shutdownGraceMs }),
      ]);
    }
  } finally {
    await gateway.close();
  }
}

export function registerServeCommand(program: Command, context: CommandContext): void {
  program
    .command('serve')
    .description('run the gateway: the HTTP API, plus workers unless workers.inServe is false')
    .option('--host <host>', 'the address to listen on (default: server.host, 127.0.0.1)')
    .option('--port <n>', 'the port to listen on, 0 for any free one (default: 8080)', parsePort)
    .action((options: ServeOptions) => serveGateway(context, options));
}
