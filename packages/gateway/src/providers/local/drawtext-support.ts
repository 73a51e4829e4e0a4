import { runCommand } from '../../media/run-command.js';

const cache = new Map<string, Promise<boolean>>();

async function probe(ffmpegPath: string): Promise<boolean> {
  const result = await runCommand(
    ffmpegPath,
    [
      ...['-hide_banner', '-loglevel', 'error', '-nostdin'],
      ...['-f', 'lavfi', '-i', 'color=c=black:s=64x64:d=0.04'],
      ...[
        '-vf',
        'drawtext=text=Ag:fontcolor=white:fontsize=12',
        '-frames:v',
        '1',
        '-f',
        'null',
        '-',
      ],
    ],
    { timeoutMs: 15_000 },
  );
  if (result.timedOut) throw new Error('the drawtext probe timed out');
  return result.exitCode === 0;
}

/**
 * Whether this ffmpeg can draw text: drawtext needs libfreetype and, without a fontfile, a font
 * found by fontconfig. Probed once per binary by drawing on one frame; a probe that timed out
 * is not remembered, so a busy machine does not disable captions for good.
 */
export function canDrawText(ffmpegPath: string): Promise<boolean> {
  const cached = cache.get(ffmpegPath);
  if (cached != null) return cached;
  const pending = probe(ffmpegPath).catch(() => {
    cache.delete(ffmpegPath);
    return false;
  });
  cache.set(ffmpegPath, pending);
  return pending;
}
