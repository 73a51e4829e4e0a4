import { describe, expect, it } from 'vitest';
import { renderCsv } from './render-csv.js';

describe('renderCsv', () => {
  it('writes plain cells as they are and null as an empty cell', () => {
    expect(
      renderCsv(
        ['model', 'usd'],
        [
          ['local', '0.400000'],
          [null, 3],
        ],
      ),
    ).toBe('model,usd\nlocal,0.400000\n,3\n');
  });

  it('quotes a cell with a comma, a quote, a line break or an edge space', () => {
    const rows = [['a,b'], ['say "hi"'], ['two\nlines'], [' padded'], ['x\r']];
    expect(renderCsv(['name'], rows)).toBe(
      'name\n"a,b"\n"say ""hi"""\n"two\nlines"\n" padded"\n"x\r"\n',
    );
  });
});
