import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROBE_TEXT, findCjkFont, loadFace, openFace } from './cjk-font';

const NOTO = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const DEJAVU = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
const dir = mkdtempSync(join(tmpdir(), 'cityloop-font-test-'));

describe(findCjkFont.name, () => {
  it('finds nothing when no candidate exists, and says so', () => {
    const r = findCjkFont('', [join(dir, 'none.ttc')]);
    expect(r).toEqual({
      ok: false,
      reason: 'no font with Chinese glyphs found in the system font folders',
    });
  });

  it('treats a configured path as authoritative: a missing or broken file is an error', () => {
    const missing = findCjkFont(join(dir, 'missing.ttf'), [NOTO]);
    expect(missing.ok).toBe(false);
    expect(!missing.ok && missing.reason).toMatch(
      /^REPORT_FONT_PATH .*missing\.ttf: no such file$/,
    );
    const junk = join(dir, 'junk.ttf');
    writeFileSync(junk, 'not a font at all');
    const broken = findCjkFont(junk, [NOTO]);
    expect(!broken.ok && broken.reason).toMatch(/not a readable font/);
  });

  it.skipIf(!existsSync(DEJAVU))(
    'refuses a font without Chinese glyphs (it would print boxes)',
    () => {
      const r = findCjkFont(DEJAVU);
      expect(r).toEqual({
        ok: false,
        reason: `REPORT_FONT_PATH ${DEJAVU}: the font has no Chinese glyphs`,
      });
      // As a system candidate it is skipped, not chosen.
      expect(findCjkFont('', [DEJAVU]).ok).toBe(false);
    },
  );

  it.skipIf(!existsSync(NOTO))(
    'opens a collection by its Simplified Chinese face, with the bold sibling',
    () => {
      const r = findCjkFont('', [join(dir, 'none.ttc'), NOTO]);
      expect(r).toEqual({
        ok: true,
        spec: {
          regular: { path: NOTO, face: 'NotoSansCJKsc-Regular' },
          bold: existsSync(NOTO.replace('-Regular', '-Bold'))
            ? { path: NOTO.replace('-Regular', '-Bold'), face: 'NotoSansCJKsc-Bold' }
            : undefined,
        },
      });
      const face = loadFace({ path: NOTO, face: 'NotoSansCJKsc-Regular' });
      for (const ch of PROBE_TEXT) {
        expect(face.hasGlyph(ch.codePointAt(0)!), ch).toBe(true);
      }
    },
  );

  it.skipIf(!existsSync(NOTO))('takes a face named after # and refuses an unknown one', () => {
    expect(openFace(`${NOTO}#NotoSansCJKtc-Regular`)).toEqual({
      ok: true,
      face: { path: NOTO, face: 'NotoSansCJKtc-Regular' },
    });
    expect(openFace(`${NOTO}#NoSuchFace`)).toEqual({
      ok: false,
      reason: `${NOTO}: no face NoSuchFace in the collection`,
    });
  });
});
