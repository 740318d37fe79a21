import type { AttachmentMime } from './attachments.table';

/** What the first bytes of a file say it is. */
export type ProbeResult =
  | { ok: true; mime: AttachmentMime; width: number; height: number }
  /** Not an accepted type; `detected` names a recognised other format ('GIF', 'HEIC', …). */
  | { ok: false; reason: 'unsupported'; detected: string | null }
  /** Starts like an accepted type but its header is broken or truncated. */
  | { ok: false; reason: 'invalid'; mime: AttachmentMime };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function ascii(b: Buffer, from: number, to: number): string {
  return b.length >= to ? b.toString('latin1', from, to) : '';
}

/** Formats we recognise only to name them in the error message. */
function otherFormat(b: Buffer): string | null {
  const head6 = ascii(b, 0, 6);
  if (head6 === 'GIF87a' || head6 === 'GIF89a') {
    return 'GIF';
  }
  if (ascii(b, 4, 8) === 'ftyp') {
    const brand = ascii(b, 8, 12);
    if (/^(hei|hev|mif1|msf1)/.test(brand)) {
      return 'HEIC';
    }
    if (brand.startsWith('avi')) {
      return 'AVIF';
    }
    return 'MP4/QuickTime';
  }
  if (ascii(b, 0, 2) === 'BM') {
    return 'BMP';
  }
  if (ascii(b, 0, 4) === 'II*\0' || ascii(b, 0, 4) === 'MM\0*') {
    return 'TIFF';
  }
  if (ascii(b, 0, 5) === '%PDF-') {
    return 'PDF';
  }
  return null;
}

function positive(mime: AttachmentMime, width: number, height: number): ProbeResult {
  return width > 0 && height > 0
    ? { ok: true, mime, width, height }
    : { ok: false, reason: 'invalid', mime };
}

/** JPEG: walk the marker segments to the first start-of-frame (SOF0…SOF15 but DHT/JPG/DAC). */
function probeJpeg(b: Buffer): ProbeResult {
  const invalid: ProbeResult = { ok: false, reason: 'invalid', mime: 'image/jpeg' };
  let off = 2;
  while (off + 4 <= b.length) {
    if (b[off] !== 0xff) {
      return invalid;
    }
    let marker = b[off + 1]!;
    while (marker === 0xff && off + 2 < b.length) {
      off += 1; // fill bytes
      marker = b[off + 1]!;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      off += 2; // standalone markers
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) {
      return invalid; // end of image or scan data before any frame header
    }
    if (off + 4 > b.length) {
      break;
    }
    const length = b.readUInt16BE(off + 2);
    if (length < 2) {
      return invalid;
    }
    const isSof =
      marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) {
      if (off + 9 > b.length) {
        return invalid;
      }
      return positive('image/jpeg', b.readUInt16BE(off + 7), b.readUInt16BE(off + 5));
    }
    off += 2 + length;
  }
  return invalid;
}

function probePng(b: Buffer): ProbeResult {
  if (b.length < 24 || ascii(b, 12, 16) !== 'IHDR') {
    return { ok: false, reason: 'invalid', mime: 'image/png' };
  }
  return positive('image/png', b.readUInt32BE(16), b.readUInt32BE(20));
}

/** WebP: lossy (VP8), lossless (VP8L) or extended (VP8X) first chunk. */
function probeWebp(b: Buffer): ProbeResult {
  const invalid: ProbeResult = { ok: false, reason: 'invalid', mime: 'image/webp' };
  const chunk = ascii(b, 12, 16);
  if (chunk === 'VP8 ') {
    // 3-byte frame tag, then the start code 9d 01 2a, then 14-bit width and height.
    if (b.length < 30 || b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) {
      return invalid;
    }
    return positive('image/webp', b.readUInt16LE(26) & 0x3fff, b.readUInt16LE(28) & 0x3fff);
  }
  if (chunk === 'VP8L') {
    if (b.length < 25 || b[20] !== 0x2f) {
      return invalid;
    }
    const bits = b.readUInt32LE(21);
    return positive('image/webp', (bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
  }
  if (chunk === 'VP8X') {
    if (b.length < 30) {
      return invalid;
    }
    return positive('image/webp', b.readUIntLE(24, 3) + 1, b.readUIntLE(27, 3) + 1);
  }
  return invalid;
}

/**
 * Decides the type of an upload from its content (magic bytes) and reads its pixel size from
 * the header. Only JPEG, PNG and WebP are accepted; the file name and the declared type are
 * never consulted. Pure.
 */
export function probeImage(b: Buffer): ProbeResult {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) {
    return probeJpeg(b);
  }
  if (b.length >= 8 && b.subarray(0, 8).equals(PNG_SIGNATURE)) {
    return probePng(b);
  }
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') {
    return probeWebp(b);
  }
  return { ok: false, reason: 'unsupported', detected: otherFormat(b) };
}
