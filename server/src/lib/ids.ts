import { randomBytes, randomFillSync } from 'node:crypto';

let lastMs = 0;
let seq = 0;

/**
 * Random bytes for ids, drawn from a pool filled 4 KiB at a time: one call into the CSPRNG per
 * ~250 ids instead of two per id (ids are minted for every event, notice and case). Each byte
 * is handed out once.
 */
const pool = Buffer.alloc(4096);
let poolAt = pool.length;
function poolBytes(n: number): Buffer {
  if (poolAt + n > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  const out = Buffer.from(pool.subarray(poolAt, poolAt + n));
  poolAt += n;
  return out;
}

/**
 * A UUIDv7 (RFC 9562): 48-bit unix-ms timestamp, then random bits, so ids sort by creation
 * time and index well on both stores. A 12-bit counter keeps ids made in the same
 * millisecond in order.
 */
export function uuidv7(nowMs: number = Date.now()): string {
  if (nowMs <= lastMs) {
    seq = (seq + 1) & 0xfff;
    if (seq === 0) {
      lastMs += 1;
    }
    nowMs = lastMs;
  } else {
    lastMs = nowMs;
    seq = poolBytes(2).readUInt16BE(0) & 0x7ff;
  }
  const b = poolBytes(16);
  b.writeUIntBE(nowMs, 0, 6);
  b[6] = 0x70 | ((seq >> 8) & 0x0f);
  b[7] = seq & 0xff;
  b[8] = 0x80 | ((b[8] ?? 0) & 0x3f);
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** An opaque random token (session tokens, API keys), base64url. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
