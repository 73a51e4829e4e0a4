import { findAll, parseXml, type XmlElement } from './tiny-xml.js';

/** An FCPXML time (`12100/2400s`, `3600s`, `0s`) as an exact fraction of seconds. */
export function parseFcpxmlTime(value: string): { numerator: bigint; denominator: bigint } {
  const match = /^(\d+)(?:\/(\d+))?s$/.exec(value);
  if (match == null) throw new Error(`not an FCPXML time: ${value}`);
  return { numerator: BigInt(match[1] as string), denominator: BigInt(match[2] ?? '1') };
}

/** Whether `value` is a whole number of `frame` (both FCPXML times). */
export function isMultipleOf(value: string, frame: string): boolean {
  const time = parseFcpxmlTime(value);
  const unit = parseFcpxmlTime(frame);
  return (time.numerator * unit.denominator) % (unit.numerator * time.denominator) === 0n;
}

function seconds(value: string): number {
  const time = parseFcpxmlTime(value);
  return Number(time.numerator) / Number(time.denominator);
}

function attribute(element: XmlElement, name: string): string {
  const value = element.attributes[name];
  if (value == null) throw new Error(`<${element.name}> lacks ${name}`);
  return value;
}

/**
 * The design doc's FCPXML rules, checked on a parsed document; returns what is broken (empty
 * when all hold): 1.9+ has `media-rep` and no `asset@src` (1.8 the reverse); spine offsets and
 * durations sit on the sequence's frame grid, each clip's start on its own format's; connected
 * clips' offsets on their parent's grid; the first offset is tcStart and the spine is butted;
 * the spine (clips plus any trailing gap) adds up to the sequence duration.
 */
export function fcpxmlRuleViolations(body: string): string[] {
  const problems: string[] = [];
  const root = parseXml(body);
  const version = attribute(root, 'version');
  const frames = new Map(
    findAll(root, 'format').map((format) => [
      attribute(format, 'id'),
      attribute(format, 'frameDuration'),
    ]),
  );
  for (const asset of findAll(root, 'asset')) {
    const reps = findAll(asset, 'media-rep').length;
    const hasSrc = asset.attributes.src != null;
    if (version === '1.8' ? reps !== 0 || !hasSrc : reps === 0 || hasSrc) {
      problems.push(`asset ${asset.attributes.id}: wrong URL form for ${version}`);
    }
  }
  const [sequence] = findAll(root, 'sequence');
  if (sequence == null) return [...problems, 'no sequence'];
  const grid = frames.get(attribute(sequence, 'format')) ?? '';
  const [spine] = findAll(sequence, 'spine');
  const tcStart = seconds(attribute(sequence, 'tcStart'));
  const sequenceEnd = tcStart + seconds(attribute(sequence, 'duration'));
  let spineEnd = tcStart;
  for (const item of spine?.children ?? []) {
    const offset = attribute(item, 'offset');
    const duration = attribute(item, 'duration');
    if (Math.abs(seconds(offset) - spineEnd) > 1e-9)
      problems.push(`spine gap/overlap at ${offset}`);
    for (const value of [offset, duration]) {
      if (!isMultipleOf(value, grid)) problems.push(`${value} is off the sequence frame grid`);
    }
    const ownGrid = frames.get(item.attributes.format ?? '') ?? grid;
    if (!isMultipleOf(item.attributes.start ?? '0s', ownGrid)) {
      problems.push(`start ${item.attributes.start} is off its format's grid`);
    }
    problems.push(...connectedViolations(item, frames, grid));
    // A connected clip under a clip of another rate sits on that clip's grid, so it may end
    // up to one of its frames (1/16 s at worst) from where the layout put it.
    if (connectedEnd(item, seconds(offset)) > sequenceEnd + 1 / 16) {
      problems.push(`a clip connected at ${offset} runs past the sequence`);
    }
    spineEnd = seconds(offset) + seconds(duration);
  }
  if (Math.abs(spineEnd - sequenceEnd) > 1e-9) {
    problems.push(`sequence duration ends at ${sequenceEnd}s, the spine at ${spineEnd}s`);
  }
  return problems;
}

function connectedViolations(
  parent: XmlElement,
  frames: Map<string, string>,
  grid: string,
): string[] {
  const problems: string[] = [];
  const parentGrid = frames.get(parent.attributes.format ?? '') ?? grid;
  for (const connected of parent.children) {
    if (Number(connected.attributes.lane ?? '0') < 1) problems.push('connected clip without lane');
    if (!isMultipleOf(attribute(connected, 'offset'), parentGrid)) {
      problems.push(`connected offset ${connected.attributes.offset} is off its parent's grid`);
    }
    if (!isMultipleOf(attribute(connected, 'duration'), grid)) {
      problems.push(`connected duration ${connected.attributes.duration} is off the grid`);
    }
  }
  return problems;
}

/** The latest end of a spine item's connected clips, in sequence seconds. */
function connectedEnd(parent: XmlElement, parentOffset: number): number {
  const localStart = seconds(parent.attributes.start ?? '0s');
  let end = 0;
  for (const connected of parent.children) {
    const offset = seconds(attribute(connected, 'offset'));
    end = Math.max(
      end,
      parentOffset + offset - localStart + seconds(attribute(connected, 'duration')),
    );
  }
  return end;
}
