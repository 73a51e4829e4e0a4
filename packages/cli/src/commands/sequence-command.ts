import type { SequenceCreateParams, SequenceListParams } from '@vgw/sdk';
import { Option } from 'commander';
import type { Command } from 'commander';
import { withClientSession } from '../client/client-session.js';
import type { CommandContext } from '../command-context.js';
import { collectClips } from '../options/parse-clip-spec.js';
import { parsePositiveInteger, parseSize } from '../options/parse-option-values.js';
import {
  renderSequenceDetails,
  renderSequenceTable,
  writeSequenceWarnings,
} from '../output/sequence-details.js';
import { writeJson } from '../output/write-json.js';
import { registerExportCommand } from './export-command.js';

interface CreateOptions {
  fps: string;
  dropFrame?: boolean;
  name?: string;
  size?: string;
  start?: string;
  json?: boolean;
}

const clipHelp = 'VIDEO_ID, or VIDEO_ID:IN-OUT in frames (out exclusive)';

async function create(context: CommandContext, specs: string[], options: CreateOptions) {
  const params: SequenceCreateParams = { fps: options.fps, clips: collectClips(specs) };
  if (options.dropFrame === true) params.drop_frame = true;
  if (options.name != null) params.name = options.name;
  if (options.size != null) params.size = options.size;
  if (options.start != null) params.start_timecode = options.start;
  await withClientSession(context, { worker: false }, async ({ client }) => {
    const sequence = await client.sequences.create(params, { signal: context.signal });
    writeSequenceWarnings(context.io.stderr, sequence.warnings);
    if (options.json === true) writeJson(context.io.stdout, sequence);
    else context.io.stdout.write(`${sequence.id}\n`);
  });
}

async function add(context: CommandContext, id: string, specs: string[], json: boolean) {
  await withClientSession(context, { worker: false }, async ({ client }) => {
    const sequence = await client.sequences.update(
      id,
      { append_clips: collectClips(specs) },
      { signal: context.signal },
    );
    writeSequenceWarnings(context.io.stderr, sequence.warnings);
    if (json) writeJson(context.io.stdout, sequence);
    else context.io.stdout.write(`${sequence.id}: ${sequence.clips.length} clips\n`);
  });
}

interface ListOptions {
  limit?: number;
  order?: 'asc' | 'desc';
  json?: boolean;
}

async function list(context: CommandContext, options: ListOptions) {
  const query: SequenceListParams = {};
  if (options.limit != null) query.limit = options.limit;
  if (options.order != null) query.order = options.order;
  await withClientSession(context, { worker: false }, async ({ client }) => {
    const page = await client.sequences.list(query, { signal: context.signal });
    const { stdout } = context.io;
    if (options.json === true) writeJson(stdout, page.body);
    else if (page.data.length === 0) stdout.write('no sequences\n');
    else stdout.write(renderSequenceTable(page.data));
  });
}

async function get(context: CommandContext, id: string, json: boolean) {
  await withClientSession(context, { worker: false }, async ({ client }) => {
    const sequence = await client.sequences.retrieve(id, { signal: context.signal });
    if (json) writeJson(context.io.stdout, sequence);
    else context.io.stdout.write(renderSequenceDetails(sequence));
  });
}

async function remove(context: CommandContext, id: string) {
  await withClientSession(context, { worker: false }, async ({ client }) => {
    const deleted = await client.sequences.delete(id, { signal: context.signal });
    context.io.stdout.write(`deleted ${deleted.id}\n`);
  });
}

function registerCreate(sequence: Command, context: CommandContext): void {
  sequence
    .command('create')
    .description('cut completed videos into a new sequence, in order')
    .argument('<clips...>', clipHelp)
    .requiredOption('--fps <rate>', '23.976, 24, 25, 29.97, 30, 50, 59.94 or 60')
    .option('--drop-frame', 'drop-frame timecode (29.97 and 59.94)')
    .option('--name <name>', 'the name editors show')
    .option('--size <WxH>', "frame size (default: the first clip's)", parseSize)
    .option('--start <timecode>', 'start timecode (default 01:00:00:00)')
    .option('--json', 'print the sequence as JSON')
    .action((specs: string[], options: CreateOptions) => create(context, specs, options));
}

/** `vgw sequence …` and `vgw export`: one registration for program.ts. */
export function registerSequenceCommands(program: Command, context: CommandContext): void {
  const sequence = program.command('sequence').description('cut videos into timelines');
  registerCreate(sequence, context);
  sequence
    .command('add')
    .description('append clips to a sequence')
    .argument('<sequence>', 'the sequence id')
    .argument('<clips...>', clipHelp)
    .option('--json', 'print the sequence as JSON')
    .action((id: string, specs: string[], options: { json?: boolean }) =>
      add(context, id, specs, options.json === true),
    );
  sequence
    .command('list')
    .description('list sequences, newest first')
    .option('--limit <n>', 'sequences per page', parsePositiveInteger)
    .addOption(new Option('--order <order>', 'by creation time').choices(['asc', 'desc']))
    .option('--json', 'print the page as JSON')
    .action((options: ListOptions) => list(context, options));
  sequence
    .command('get')
    .description('show one sequence and its clips')
    .argument('<sequence>', 'the sequence id')
    .option('--json', 'print the sequence as JSON')
    .action((id: string, options: { json?: boolean }) => get(context, id, options.json === true));
  sequence
    .command('delete')
    .description('delete a sequence (its videos stay)')
    .argument('<sequence>', 'the sequence id')
    .action((id: string) => remove(context, id));
  registerExportCommand(program, context);
}
