import { resolve } from 'node:path';
import type { SequenceExportFormat, SequenceExportParams } from '@vgw/sdk';
import { Option } from 'commander';
import type { Command } from 'commander';
import { withClientSession } from '../client/client-session.js';
import type { CommandContext } from '../command-context.js';
import { saveResponse } from '../files/save-response.js';
import { writeSequenceWarnings } from '../output/sequence-details.js';

interface ExportOptions {
  format: SequenceExportFormat;
  fcpxmlVersion?: SequenceExportParams['version'];
  output?: string;
}

const extensions: Record<SequenceExportFormat, string> = {
  fcpxml: 'fcpxml',
  xmeml: 'xml',
  edl: 'edl',
  otio: 'otio',
  package: 'zip',
};

/** The `vgw-warnings` header, read leniently: a warning the CLI cannot parse is not an error. */
function headerWarnings(response: Response): { message: string }[] {
  try {
    const parsed: unknown = JSON.parse(response.headers.get('vgw-warnings') ?? '[]');
    return Array.isArray(parsed)
      ? parsed.filter((each): each is { message: string } => typeof each?.message === 'string')
      : [];
  } catch {
    return [];
  }
}

async function exportSequence(context: CommandContext, id: string, options: ExportOptions) {
  const output = options.output ?? `${id}.${extensions[options.format]}`;
  const params: SequenceExportParams = { format: options.format };
  if (options.fcpxmlVersion != null) params.version = options.fcpxmlVersion;
  await withClientSession(context, { worker: false }, async ({ client }) => {
    const response = await client.sequences.export(id, params, { signal: context.signal });
    writeSequenceWarnings(context.io.stderr, headerWarnings(response));
    const total = Number(response.headers.get('vgw-warnings-count') ?? 0);
    const shown = headerWarnings(response).length;
    if (total > shown) context.io.stderr.write(`vgw: warning: and ${total - shown} more\n`);
    await saveResponse(response, resolve(context.io.cwd, output), context.signal);
    context.io.stdout.write(`${output}\n`);
  });
}

export function registerExportCommand(program: Command, context: CommandContext): void {
  program
    .command('export')
    .description('export a sequence for an editor, or as a relinkable package with its media')
    .argument('<sequence>', 'the sequence id')
    .addOption(
      new Option(
        '--format <format>',
        'fcpxml (Final Cut, Resolve), xmeml (Premiere, Resolve), edl, otio, or package (zip)',
      )
        .choices(Object.keys(extensions))
        .makeOptionMandatory(),
    )
    .addOption(
      new Option(
        // Not --version: that is the program's own flag, which commander reads anywhere.
        '--fcpxml-version <version>',
        'FCPXML version (fcpxml and package; default 1.9)',
      ).choices(['1.8', '1.9', '1.10', '1.11']),
    )
    .option('-o, --output <file>', 'where to save it (default: <sequence>.<extension>)')
    .action((id: string, options: ExportOptions) => exportSequence(context, id, options));
}
