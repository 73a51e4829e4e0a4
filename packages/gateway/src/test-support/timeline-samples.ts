import type {
  FrameRate,
  Timeline,
  TimelineClip,
  TimelineMedia,
} from '../timeline/timeline-model.js';

const fps24: FrameRate = { numerator: 24, denominator: 1 };

function sampleMedia(index: number, frames: number): TimelineMedia {
  const name = `shot_00${index}`;
  return {
    id: `media-${index}`,
    fileName: `${name}.mp4`,
    location: `file:///Users/editor/Projects/demo/media/${name}.mp4`,
    rate: fps24,
    frames,
    width: 1280,
    height: 720,
    hasAudio: false,
  };
}

/**
 * The design doc's 3-clip sample (export-formats.md §A.1): 24 fps NDF, 1280x720, starting at
 * 01:00:00:00, files of 121/97/73 frames used 0–121, 12–73 and 0–73.
 */
export function reviewCutTimeline(): Timeline {
  const ranges: Array<[number, number, number]> = [
    [121, 0, 121],
    [97, 12, 73],
    [73, 0, 73],
  ];
  const clips: TimelineClip[] = ranges.map(([frames, sourceIn, sourceOut], position) => ({
    name: `shot_00${position + 1}`,
    media: sampleMedia(position + 1, frames),
    sourceIn,
    sourceOut,
    track: 1,
    metadata:
      position === 0
        ? { generation_id: 'gen_01', prompt: 'A red kite over a foggy beach at dawn', rating: 4 }
        : {},
  }));
  return {
    name: 'Review Cut',
    rate: fps24,
    timecode: 'NDF',
    width: 1280,
    height: 720,
    startFrame: 86400,
    clips,
  };
}

/**
 * `count` clips on one track at 24 fps, 5 s files with varied ranges, every tenth file reused
 * and every seventh at 25 fps: the benchmark's long cut.
 */
export function longTimeline(count: number): Timeline {
  const files = new Map<number, TimelineMedia>();
  const clips: TimelineClip[] = [];
  for (let index = 0; index < count; index += 1) {
    const fileIndex = index % 10 === 9 ? index - 9 : index;
    const media = files.get(fileIndex) ?? {
      ...sampleMedia(fileIndex, 120),
      id: `media-${fileIndex}`,
      fileName: `gen clip ${fileIndex}.mp4`,
      location: `file:///srv/vgw/exports/long cut/gen clip ${fileIndex}.mp4`,
      rate: fileIndex % 7 === 6 ? { numerator: 25, denominator: 1 } : fps24,
      hasAudio: fileIndex % 2 === 0,
    };
    files.set(fileIndex, media);
    clips.push({
      name: `Clip ${index} <take & "best">`,
      media,
      sourceIn: index % 13,
      sourceOut: 120 - (index % 17),
      track: 1,
      metadata: {
        generation_id: `gen_${index}`,
        prompt: `prompt number ${index}`,
        rating: index % 5,
      },
    });
  }
  return { ...reviewCutTimeline(), name: 'Long Cut', clips };
}
