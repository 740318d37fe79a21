const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** 0: a separator, 1: a Chinese character, 2: a letter or digit of any other script. */
function classOf(cp: number, ch: string): 0 | 1 | 2 {
  if (cp < 0x80) {
    // a-z, A-Z, 0-9 without a regular expression: most of every text.
    return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x30 && cp <= 0x39)
      ? 2
      : 0;
  }
  if ((cp >= 0x3400 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff)) {
    return 1;
  }
  return LETTER_OR_DIGIT.test(ch) ? 2 : 0;
}

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
    const c = classOf(ch.codePointAt(0)!, ch);
    if (c === 1) {
      if (word) {
        flushWord();
      }
      run += ch;
    } else if (c === 2) {
      if (run) {
        flushRun();
      }
      word += ch;
    } else {
      if (run) {
        flushRun();
      }
      if (word) {
        flushWord();
      }
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
