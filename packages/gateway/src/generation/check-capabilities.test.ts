import { InvalidRequestError } from '@vgw/spec';
import { describe, expect, it } from 'vitest';
import { localCapabilities } from '../providers/local/local-models.js';
import { checkCapabilities } from './check-capabilities.js';

function withSize(size: string) {
  return checkCapabilities(
    { prompt: 'a fox', seconds: null, size, fps: null, seed: null, hasInputReference: false },
    localCapabilities.local,
  );
}

describe('checkCapabilities: size ranges with a pixel limit', () => {
  it.each(['1280x720', '720x1280', '1920x1080', '1080x1920', '1440x1440'])(
    'the local engine takes %s',
    (size) => {
      const [width, height] = size.split('x').map(Number);
      expect(withSize(size).parameters).toMatchObject({ width, height });
    },
  );

  it.each(['1920x1920', '1442x1440', '2048x1080', '1080x2048'])(
    '%s is a 400 naming size that gives the pixel limit',
    (size) => {
      let refusal: unknown;
      try {
        withSize(size);
      } catch (error) {
        refusal = error;
      }
      expect(refusal).toBeInstanceOf(InvalidRequestError);
      expect(refusal).toMatchObject({ param: 'size' });
      expect((refusal as Error).message).toContain('at most 2073600 pixels');
      expect((refusal as Error).message).toContain(size);
    },
  );
});
