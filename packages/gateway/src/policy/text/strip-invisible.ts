/**
 * Characters that render as nothing but split a word for a matcher: format characters (zero-width
 * space and joiners, bidi embeddings and isolates, the soft hyphen), every default-ignorable code
 * point (Hangul fillers, the combining grapheme joiner) and the variation selectors. They are
 * removed, not turned into spaces, because `T\u200Baylor` must read as one word.
 */
const invisible =
  /[\p{Cf}\p{Default_Ignorable_Code_Point}\u{FE00}-\u{FE0F}\u{E0100}-\u{E01EF}\u{180B}-\u{180F}]/gu;

/** Combining marks left behind after NFKC once the base letter was folded (Zalgo stacks). */
const combiningMarks = /\p{M}+/gu;

/**
 * Invisible characters go first, NFKC second (fullwidth and mathematical letters become ASCII),
 * then a second pass because NFKC can surface a format character that a compatibility form hid.
 */
export function stripInvisible(text: string): string {
  const visible = text.replace(invisible, '').normalize('NFKC');
  return visible.replace(invisible, '');
}

/** Lowercased, NFKC, no invisible characters: the form native-script aliases are matched against. */
export function rawLowerForm(text: string): string {
  return stripInvisible(text).toLowerCase();
}

/** Drops combining marks that survive composition so `ñ` and a stacked `n̴̡` both fold. */
export function dropCombiningMarks(text: string): string {
  return text.normalize('NFD').replace(combiningMarks, '').normalize('NFC');
}
