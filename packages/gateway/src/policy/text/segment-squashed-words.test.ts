import { describe, expect, it } from 'vitest';
import { segmentSquashed } from './segment-squashed-words.js';

const words = new Set(['nude', 'child', 'on', 'beach', 'the', 'therapist', 'rapist', 'cunt', 'in']);
const cost = (piece: string) => (piece === 'a' ? -0.1 : words.has(piece) ? 1 : null);

describe('segmentSquashed', () => {
  it('splits words written without spaces', () => {
    expect(segmentSquashed('nudechildonabeach', cost)).toEqual([
      'nude',
      'child',
      'on',
      'a',
      'beach',
    ]);
  });

  it('prefers the fewest pieces, so a word is not read as two', () => {
    expect(segmentSquashed('therapist', cost)).toBeNull();
    expect(segmentSquashed('atherapistinthebeach', cost)).toEqual([
      'a',
      'therapist',
      'in',
      'the',
      'beach',
    ]);
  });

  it('keeps a few uncovered letters together and gives up when most are uncovered', () => {
    expect(segmentSquashed('nudechildxyz', cost)).toEqual(['nude', 'child', 'xyz']);
    expect(segmentSquashed('scunthorpe', cost)).toBeNull();
    expect(segmentSquashed('qnudechildonabeachq', cost)).toBeNull();
  });

  it('leaves short runs and runs with digits alone', () => {
    expect(segmentSquashed('onbea', cost)).toBeNull();
    expect(segmentSquashed('nude12child', cost)).toBeNull();
  });

  it('refuses a split that needs a rare scrap of a word', () => {
    const scraps = (piece: string) => (piece === 'do' ? 1 : piece === 'et' ? 3 : cost(piece));
    expect(segmentSquashed('donudeet', scraps)).toBeNull();
  });
});
