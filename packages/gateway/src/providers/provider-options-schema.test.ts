import { InvalidRequestError } from '@vgw/spec';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseProviderOptions } from './provider-options-schema.js';

const schema = z.object({ endpoints: z.array(z.object({ id: z.string().min(3) })).default([]) });

describe('parseProviderOptions', () => {
  it('returns the parsed options, defaults applied', () => {
    expect(parseProviderOptions(schema, 'fal', {})).toEqual({ endpoints: [] });
  });

  it('names the config path of the first bad entry', () => {
    let caught: unknown = null;
    try {
      parseProviderOptions(schema, 'fal', { endpoints: [{ id: 'abcd' }, { id: 'x' }] });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidRequestError);
    expect(caught).toMatchObject({
      param: 'providers.fal.options.endpoints.1.id',
      code: 'invalid_configuration',
    });
    expect((caught as Error).message).toMatch(
      /^invalid providers\.fal\.options\.endpoints\.1\.id: /,
    );
  });
});
