/**
 * Pinyin initials of Chinese names (暴露垃圾 → bllj) for the picker's search, without a
 * dictionary dependency: ICU's pinyin collation orders each Han character among the first
 * characters of each initial. Polyphones are read by their most common reading; the few
 * phrases of the code tables where that is wrong are listed below. Without full ICU the
 * initials degrade to the Latin letters and digits of the name.
 */

const collator = new Intl.Collator('zh-Hans-CN-u-co-pinyin');

/** The first character, in pinyin order, of each initial (no i, u, v in pinyin initials). */
const BOUNDARIES: readonly (readonly [string, string])[] = [
  ['阿', 'a'],
  ['八', 'b'],
  ['嚓', 'c'],
  ['哒', 'd'],
  ['妸', 'e'],
  ['发', 'f'],
  ['旮', 'g'],
  ['哈', 'h'],
  ['讥', 'j'],
  ['咔', 'k'],
  ['垃', 'l'],
  ['妈', 'm'],
  ['拏', 'n'],
  ['噢', 'o'],
  ['妑', 'p'],
  ['七', 'q'],
  ['呥', 'r'],
  ['仨', 's'],
  ['它', 't'],
  ['屲', 'w'],
  ['夕', 'x'],
  ['丫', 'y'],
  ['帀', 'z'],
];

/** Phrases whose characters the collation reads wrongly here (polyphones). */
const PHRASES: Readonly<Record<string, string>> = {
  行道: 'hd',
  调压: 'ty',
};

const HAN = /\p{Script=Han}/u;
const cache = new Map<string, string>();

function initialOf(ch: string): string {
  if (/[A-Za-z0-9]/.test(ch)) {
    return ch.toLowerCase();
  }
  if (!HAN.test(ch)) {
    return '';
  }
  let out = '';
  for (const [first, letter] of BOUNDARIES) {
    if (collator.compare(ch, first) < 0) {
      break;
    }
    out = letter;
  }
  return out;
}

/** Lower-case pinyin initials of a name; other characters (punctuation) are dropped. */
export function pinyinInitials(name: string): string {
  const hit = cache.get(name);
  if (hit !== undefined) {
    return hit;
  }
  let out = '';
  const chars = [...name];
  for (let i = 0; i < chars.length; i++) {
    const two = `${chars[i]}${chars[i + 1] ?? ''}`;
    const phrase = PHRASES[two];
    if (phrase) {
      out += phrase;
      i++;
      continue;
    }
    out += initialOf(chars[i]!);
  }
  cache.set(name, out);
  return out;
}
