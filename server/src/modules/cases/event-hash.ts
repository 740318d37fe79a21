import { createHash } from 'node:crypto';

/** The prev_hash of a case's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an event that its hash covers. */
export interface HashedEvent {
  id: string;
  case_id: string;
  seq: number;
  at: number;
  actor_id: string | null;
  actor_name: string;
  actor_role: string;
  action: string;
  from_state: string | null;
  to_state: string;
  payload: string;
  attachment_ids: string;
  prev_hash: string;
}

/**
 * SHA-256 over the previous hash and every field of the event, in a fixed order with
 * unambiguous separators (JSON array), so editing any field or reordering events breaks the
 * chain. Pure.
 */
export function eventHash(e: HashedEvent): string {
  const canonical = JSON.stringify([
    e.prev_hash,
    e.id,
    e.case_id,
    e.seq,
    e.at,
    e.actor_id,
    e.actor_name,
    e.actor_role,
    e.action,
    e.from_state,
    e.to_state,
    e.payload,
    e.attachment_ids,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

export interface ChainBreak {
  caseId: string;
  seq: number;
  eventId: string;
  problem: 'hash_mismatch' | 'prev_hash_mismatch' | 'seq_gap';
}

/**
 * Checks one case's events (ordered by seq): each prev_hash is the hash before it and each
 * hash matches its content. Returns the first broken link, or null. Pure.
 */
export function verifyChain(
  events: readonly (HashedEvent & { hash: string })[],
): ChainBreak | null {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  for (const e of events) {
    if (e.seq !== expectedSeq) {
      return { caseId: e.case_id, seq: e.seq, eventId: e.id, problem: 'seq_gap' };
    }
    if (e.prev_hash !== prev) {
      return { caseId: e.case_id, seq: e.seq, eventId: e.id, problem: 'prev_hash_mismatch' };
    }
    if (eventHash(e) !== e.hash) {
      return { caseId: e.case_id, seq: e.seq, eventId: e.id, problem: 'hash_mismatch' };
    }
    prev = e.hash;
    expectedSeq++;
  }
  return null;
}
