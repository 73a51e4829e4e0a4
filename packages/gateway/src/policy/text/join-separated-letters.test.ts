import { describe, expect, it } from 'vitest';
import { joinSeparatedLetters } from './join-separated-letters.js';

describe('joinSeparatedLetters', () => {
  it('joins letter-spaced text, wider gaps parting the words', () => {
    expect(joinSeparatedLetters('m i c k e y  m o u s e  i n  a  b a l l r o o m')).toBe(
      'mickey  mouse  in  a  ballroom',
    );
    expect(joinSeparatedLetters('n u d e  c h i l d ,  1 2  y e a r s')).toBe(
      'nude  child ,  12  years',
    );
  });

  it('drops the separators of dotted, underscored, starred and dashed letters', () => {
    expect(joinSeparatedLetters('m_i_c_k_e_y m.o.u.s.e i*n a b-a-l-l-r-o-o-m')).toBe(
      'mickey mouse in a ballroom',
    );
    expect(joinSeparatedLetters('c-o-c-a---c-o-l-a p|o|r|n')).toBe('coca---cola porn');
  });

  it('leaves ordinary words, hyphenated words and lone letters alone', () => {
    expect(joinSeparatedLetters('a t-shirt and an e-mail, plan b at 3 pm')).toBe(
      'a t-shirt and an e-mail, plan b at 3 pm',
    );
    expect(joinSeparatedLetters('a cat in a hat')).toBe('a cat in a hat');
  });
});
