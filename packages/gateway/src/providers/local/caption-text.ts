const maxLines = 2;
const ellipsis = '…';

function splitLongWord(word: string, width: number): string[] {
  const pieces: string[] = [];
  for (let start = 0; start < word.length; start += width) {
    pieces.push(word.slice(start, start + width));
  }
  return pieces;
}

/** Greedy word wrap; words longer than a line are cut. */
function wrapWords(words: string[], width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of words.flatMap((each) => splitLongWord(each, width))) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= width) line = `${line} ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/**
 * The caption drawn over the clip: the prompt on at most two lines that fit the frame width.
 * Control characters become spaces (drawtext would draw them as boxes or break lines); the text
 * is otherwise kept verbatim, since it reaches ffmpeg through a file and never needs escaping.
 * Returns null when there is nothing to draw.
 */
export function captionText(prompt: string, width: number, fontSize: number): string | null {
  const words = prompt
    .replace(/\p{Cc}|\p{Zl}|\p{Zp}/gu, ' ')
    .split(/\s+/u)
    .filter((word) => word !== '');
  if (words.length === 0) return null;
  // Roughly 0.6 em per character for a proportional sans font, with margins.
  const charactersPerLine = Math.max(8, Math.floor((width * 0.9) / (fontSize * 0.6)));
  const lines = wrapWords(words, charactersPerLine);
  if (lines.length <= maxLines) return lines.join('\n');
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1] ?? '';
  kept[maxLines - 1] = `${last.slice(0, Math.max(0, charactersPerLine - 1))}${ellipsis}`;
  return kept.join('\n');
}

/** Font size in pixels for a frame height: readable on small frames, modest on large ones. */
export function captionFontSize(height: number): number {
  return Math.max(10, Math.round(height / 24));
}
