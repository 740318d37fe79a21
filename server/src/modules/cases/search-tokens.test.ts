import { describe, expect, it } from 'vitest';
import { eventHash, GENESIS_HASH, verifyChain, type HashedEvent } from './event-hash';
import { searchTokens } from './search-tokens';

describe(searchTokens.name, () => {
  it('makes bigrams of Chinese runs and words of the rest', () => {
    expect(searchTokens('人民路 暴露垃圾 No.12')).toEqual([
      '人民',
      '民路',
      '暴露',
      '露垃',
      '垃圾',
      'no',
      '12',
    ]);
  });

  it('treats other scripts as words and anything else as a separator', () => {
    expect(searchTokens('Café Ünter-straße ３号 カタカナ 😀ab 1')).toEqual([
      'café',
      'ünter',
      'straße',
      '号',
      'カタカナ',
      'ab',
    ]);
    // A lone Chinese character between words stays a token; a one-letter word does not.
    expect(searchTokens('a路b12')).toEqual(['路', 'b12']);
  });

  it('finds a Chinese substring: every bigram of the query is a token of the text', () => {
    const text = new Set(searchTokens('东湖街道湖滨社区门口有暴露垃圾'));
    for (const t of searchTokens('暴露垃圾')) {
      expect(text.has(t)).toBe(true);
    }
    expect(text.has('垃桶')).toBe(false);
  });
});

describe(verifyChain.name, () => {
  const chain = (n: number) => {
    const out: (HashedEvent & { hash: string })[] = [];
    let prev = GENESIS_HASH;
    for (let i = 1; i <= n; i++) {
      const e: HashedEvent = {
        id: `e${i}`,
        case_id: 'c',
        seq: i,
        at: 1000 * i,
        actor_id: 'u',
        actor_name: '张三',
        actor_role: 'dispatcher',
        action: 'dispatch',
        from_state: 'registered',
        to_state: 'dispatched',
        payload: '{}',
        attachment_ids: '[]',
        prev_hash: prev,
      };
      const hash = eventHash(e);
      out.push({ ...e, hash });
      prev = hash;
    }
    return out;
  };

  it('accepts an intact chain', () => {
    expect(verifyChain(chain(5))).toBeNull();
  });

  it('names the first edited event', () => {
    const c = chain(5);
    c[2] = { ...c[2]!, payload: '{"reason":"edited"}' };
    expect(verifyChain(c)).toEqual({
      caseId: 'c',
      seq: 3,
      eventId: 'e3',
      problem: 'hash_mismatch',
    });
  });

  it('detects a removed event', () => {
    const c = chain(4);
    c.splice(1, 1);
    expect(verifyChain(c)?.problem).toBe('seq_gap');
  });
});
