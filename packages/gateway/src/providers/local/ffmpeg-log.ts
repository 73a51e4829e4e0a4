const maxLines = 6;
const maxCharacters = 1000;

/** Noise that says nothing about why a render failed. */
function isNoise(line: string): boolean {
  return line === '' || line.startsWith('Fontconfig') || /^\s*(frame|progress)=/.test(line);
}

/**
 * The last lines of ffmpeg's log that explain a failure, repeated lines once. Input paths
 * (`file:/...: `) become `input_reference` and decoder addresses (`[png @ 0x55d1...]`) are
 * dropped, so messages neither leak the storage layout nor differ between runs.
 */
export function usefulLogLines(log: string): string {
  const lines = log
    .split(/\r?\n/)
    .map((line) =>
      line
        .trim()
        .replace(/file:.*?: /g, 'input_reference: ')
        .replace(/ @ 0x[0-9a-f]+\]/g, ']'),
    )
    .filter((line) => !isNoise(line))
    .filter((line, index, all) => line !== all[index - 1])
    .slice(-maxLines);
  const text = lines.join('\n');
  return text.length > maxCharacters ? `…${text.slice(-maxCharacters)}` : text;
}

/**
 * Whether the failure concerns the input image: it is ffmpeg's only input (#0), so any
 * complaint about an input stream or about decoding is about it.
 */
export function blamesInputReference(log: string): boolean {
  return /file:.*?: |input stream 0:|stream #0:|Error while decoding/.test(log);
}

/** The last frame number ffmpeg reported in its `-progress` file, or 0. */
export function progressFrame(progress: string): number {
  const matches = [...progress.matchAll(/^frame=(\d+)$/gm)];
  const last = matches.at(-1)?.[1];
  return last != null ? Number.parseInt(last, 10) : 0;
}
