const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * Tokens for the free-text index: overlapping bigrams of each run of Chinese characters (a
 * lone character stays a token), and lower-cased words of letters or digits (2+ chars).
 * Bigrams need no dictionary and find any substring of 2+ characters. Pure.
 */
export function searchTokens(text: string): string[] {
  const out = new Set<string>();
  let run = '';
  let word = '';
  const flushRun = () => {
    if (run.length === 1) {
      out.add(run);
    }
    for (let i = 0; i + 1 < run.length; i++) {
      out.add(run.slice(i, i + 2));
    }
    run = '';
  };
  const flushWord = () => {
    if (word.length >= 2) {
      out.add(word.toLowerCase().slice(0, 40));
    }
    word = '';
  };
  for (const ch of text) {
    if (CJK.test(ch)) {
      flushWord();
      run += ch;
    } else if (/[\p{L}\p{N}]/u.test(ch)) {
      flushRun();
      word += ch;
    } else {
      flushRun();
      flushWord();
    }
  }
  flushRun();
  flushWord();
  return [...out];
}

/**
 * Tokens a query must all match. A single Chinese character matches only texts where it
 * stands alone, so a one-character query is looked up as a prefix of bigrams by the caller.
 */
export function queryTokens(q: string): string[] {
  return searchTokens(q.trim()).slice(0, 16);
}
