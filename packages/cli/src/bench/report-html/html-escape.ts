const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** For text and attribute values alike: prompts and model names come from users. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => entities[character] ?? character);
}

/** Joins markup fragments; the fragments are already escaped where they hold user text. */
export function joinMarkup(parts: readonly string[]): string {
  return parts.join('\n');
}
