import { describe, expect, it } from 'vitest';
import { fileNameOf, mediaStems, promptSlug } from './media-names.js';

describe('media names', () => {
  it('slugs a prompt to a few ASCII words, cut at a word', () => {
    expect(promptSlug('A red kite over a foggy beach at dawn, cinematic')).toBe(
      'a-red-kite-over-a-foggy',
    );
    expect(promptSlug('Ça va? Neon rain')).toBe('ca-va-neon-rain');
    expect(promptSlug('日本の夜')).toBe('');
    expect(promptSlug('Supercalifragilisticexpialidocious-and-more')).toBe(
      'supercalifragilisticexpi',
    );
    expect(fileNameOf('Review Cut')).toBe('review-cut');
    expect(fileNameOf('夜')).toBe('sequence');
  });

  it('gives each video one stem, unique even when prompts and id prefixes match', () => {
    const videos = new Map([
      ['video_aaaaaaaa1', { prompt: 'A kite' }],
      ['video_aaaaaaaa2', { prompt: 'A kite' }],
      ['video_bbbbbbbb', { prompt: '夜' }],
    ]);
    const stems = mediaStems(
      ['video_aaaaaaaa1', 'video_aaaaaaaa2', 'video_aaaaaaaa1', 'video_bbbbbbbb'],
      videos,
    );
    expect([...stems.values()]).toEqual(['a-kite-aaaaaaaa', 'a-kite-aaaaaaaa-2', 'video_bbbbbbbb']);
  });
});
