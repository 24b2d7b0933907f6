/**
 * Keyword matching on whole words, so "api" (fire) does not fire on "tapi" (but). Callers type
 * without accents or capitals under stress, so both are ignored. A trailing `*` lets one keyword
 * cover Indonesian suffixes ("terbakar*" also matches "terbakarnya").
 */
export interface KeywordMatcher {
  readonly keyword: string;
  readonly words: readonly string[];
  readonly lastWordIsPrefix: boolean;
}

export function words(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

export function keywordMatcher(keyword: string): KeywordMatcher {
  const trimmed = keyword.trim();
  return { keyword, words: words(trimmed), lastWordIsPrefix: trimmed.endsWith("*") };
}

/** A keyword without any letters or digits matches nothing. */
export function containsKeyword(text: readonly string[], matcher: KeywordMatcher): boolean {
  const phrase = matcher.words;
  const last = phrase.length - 1;
  if (last < 0) return false;
  for (let start = 0; start + last < text.length; start++) {
    let matches = true;
    for (let offset = 0; offset <= last && matches; offset++) {
      const word = text[start + offset] ?? "";
      const wanted = phrase[offset] ?? "";
      matches =
        offset === last && matcher.lastWordIsPrefix ? word.startsWith(wanted) : word === wanted;
    }
    if (matches) return true;
  }
  return false;
}
