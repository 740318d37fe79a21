/**
 * The font with Chinese glyphs the PDF reports embed. A PDF drawn with a font that lacks the
 * glyphs shows empty boxes (豆腐块), so a report is never drawn without one: the configured
 * file (REPORT_FONT_PATH) or, when none is configured, the first usable file of a list of
 * well-known system locations. A font collection (.ttc) is opened by the face's PostScript
 * name, given (`path#NotoSansCJKsc-Regular`) or chosen (a Simplified Chinese face first).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import * as fontkit from 'fontkit';

/** Where Linux distributions, macOS and Windows put fonts with Chinese glyphs. */
export const SYSTEM_CJK_FONTS: readonly string[] = [
  // Debian / Ubuntu: fonts-noto-cjk
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
  // Fedora, Arch, Alpine
  '/usr/share/fonts/google-noto-sans-cjk-fonts/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
  // WenQuanYi (fonts-wqy-microhei, fonts-wqy-zenhei)
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
  '/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc',
  // AR PL (fonts-arphic-uming)
  '/usr/share/fonts/truetype/arphic/uming.ttc',
  // macOS, Windows
  '/System/Library/Fonts/Supplemental/Songti.ttc',
  '/Library/Fonts/Arial Unicode.ttf',
  'C:\\Windows\\Fonts\\msyh.ttc',
  'C:\\Windows\\Fonts\\simsun.ttc',
];

/** What to tell an operator when no font is usable. */
export const FONT_HELP =
  'install a font with Chinese glyphs (Debian/Ubuntu: apt-get install fonts-noto-cjk; ' +
  'Fedora: dnf install google-noto-sans-cjk-fonts; Alpine: apk add font-noto-cjk) ' +
  'or set REPORT_FONT_PATH to a .ttf/.otf/.ttc font file with Chinese glyphs';

/** Characters every report prints: a font must have each of them. */
export const PROBE_TEXT =
  '月度综合评价报告受理结案率街道社区处置单位监督员派遣红黄榜网格热点区域0123456789%';

/** A usable face: the file and, for a collection, the face's PostScript name. */
export interface FontFace {
  path: string;
  /** PostScript name of the face inside a collection (.ttc); undefined for a single font. */
  face?: string;
}

export interface CjkFontSpec {
  regular: FontFace;
  /** A bold face of the same family when one was found next to the regular one. */
  bold?: FontFace;
}

/** A face opened for drawing: its bytes (for pdfkit) and a glyph check. */
export interface LoadedFace extends FontFace {
  data: Buffer;
  hasGlyph(codePoint: number): boolean;
}

export type FontLookup = { ok: true; spec: CjkFontSpec } | { ok: false; reason: string };

const isCollection = (f: fontkit.Font | fontkit.FontCollection): f is fontkit.FontCollection =>
  'fonts' in f && Array.isArray(f.fonts);

function covers(font: fontkit.Font, text: string): boolean {
  for (const ch of text) {
    if (!font.hasGlyphForCodePoint(ch.codePointAt(0)!)) {
      return false;
    }
  }
  return true;
}

/** Preference among the faces of a collection: Simplified Chinese, proportional. */
function faceScore(name: string): number {
  let s = 0;
  if (/CJKsc|(^|[^A-Za-z])SC([^A-Za-z]|$)|GB|CN|Hans|MicroHei|ZenHei|YaHei/.test(name)) {
    s += 2;
  }
  if (/Mono/i.test(name)) {
    s -= 1;
  }
  return s;
}

/** Splits 'path#Face' (the face part only when the whole string is not itself a file). */
function splitSpec(spec: string): FontFace {
  const hash = spec.lastIndexOf('#');
  if (hash > 0 && !existsSync(spec)) {
    return { path: spec.slice(0, hash), face: spec.slice(hash + 1) || undefined };
  }
  return { path: spec };
}

/**
 * Opens one font file and picks a face with every probe glyph, or says why it cannot.
 * Never throws.
 */
export function openFace(
  spec: string,
): { ok: true; face: FontFace } | { ok: false; reason: string } {
  const { path, face } = splitSpec(spec);
  try {
    if (!existsSync(path) || !statSync(path).isFile()) {
      return { ok: false, reason: `${path}: no such file` };
    }
    const opened = fontkit.openSync(path);
    if (isCollection(opened)) {
      const faces = face
        ? opened.fonts.filter((f) => f.postscriptName === face)
        : [...opened.fonts].sort(
            (a, b) => faceScore(b.postscriptName) - faceScore(a.postscriptName),
          );
      if (face && faces.length === 0) {
        return { ok: false, reason: `${path}: no face ${face} in the collection` };
      }
      const usable = faces.find((f) => covers(f, PROBE_TEXT));
      return usable
        ? { ok: true, face: { path, face: usable.postscriptName } }
        : { ok: false, reason: `${path}: no face with Chinese glyphs` };
    }
    return covers(opened, PROBE_TEXT)
      ? { ok: true, face: { path } }
      : { ok: false, reason: `${path}: the font has no Chinese glyphs` };
  } catch (err) {
    return { ok: false, reason: `${path}: not a readable font (${(err as Error).message})` };
  }
}

/** The bold sibling of a regular face ('…-Regular.ttc' → '…-Bold.ttc'), when usable. */
function boldOf(regular: FontFace): FontFace | undefined {
  if (!/-Regular\.(ttc|otf|ttf)$/i.test(regular.path)) {
    return undefined;
  }
  const path = regular.path.replace(/-Regular\.(ttc|otf|ttf)$/i, '-Bold.$1');
  const face = regular.face?.replace(/-Regular$/, '-Bold');
  if (!existsSync(path)) {
    return undefined;
  }
  const opened = openFace(face ? `${path}#${face}` : path);
  return opened.ok ? opened.face : undefined;
}

/**
 * The font to draw reports with: the configured one (REPORT_FONT_PATH, authoritative: a bad
 * configured file is an error, not a reason to fall back), else the first usable system font.
 */
export function findCjkFont(
  configured: string,
  candidates: readonly string[] = SYSTEM_CJK_FONTS,
): FontLookup {
  if (configured) {
    const opened = openFace(configured);
    if (!opened.ok) {
      return { ok: false, reason: `REPORT_FONT_PATH ${opened.reason}` };
    }
    return { ok: true, spec: { regular: opened.face, bold: boldOf(opened.face) } };
  }
  for (const path of candidates) {
    if (!existsSync(path)) {
      continue;
    }
    const opened = openFace(path);
    if (opened.ok) {
      return { ok: true, spec: { regular: opened.face, bold: boldOf(opened.face) } };
    }
  }
  return { ok: false, reason: 'no font with Chinese glyphs found in the system font folders' };
}

/** Reads a face for drawing (the bytes are handed to pdfkit, which embeds a subset). */
export function loadFace(f: FontFace): LoadedFace {
  const data = readFileSync(f.path);
  const opened = fontkit.create(data, f.face);
  const font = isCollection(opened) ? opened.fonts[0]! : opened;
  return { ...f, data, hasGlyph: (cp) => font.hasGlyphForCodePoint(cp) };
}
