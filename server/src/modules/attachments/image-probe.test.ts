import { describe, expect, it } from 'vitest';
import { GIF_1X1, testImages } from '../../../test/images';
import { probeImage } from './image-probe';

describe('probeImage', () => {
  it.each([
    ['baseline JPEG', () => testImages.jpeg(800, 600), 'image/jpeg', 800, 600],
    ['progressive JPEG', () => testImages.progressiveJpeg(401, 299), 'image/jpeg', 401, 299],
    ['PNG', () => testImages.png(640, 480), 'image/png', 640, 480],
    ['lossy WebP (VP8)', () => testImages.webp(500, 401), 'image/webp', 500, 401],
    ['lossless WebP (VP8L)', () => testImages.webpLossless(121, 90), 'image/webp', 121, 90],
    ['extended WebP (VP8X)', () => testImages.webpAlpha(130, 71), 'image/webp', 130, 71],
  ])('reads the type and size of a %s', async (_name, make, mime, width, height) => {
    expect(probeImage(await make())).toEqual({ ok: true, mime, width, height });
  });

  it('names formats it does not accept', () => {
    expect(probeImage(GIF_1X1)).toEqual({ ok: false, reason: 'unsupported', detected: 'GIF' });
    const heic = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic0000mif1heic')]);
    expect(probeImage(heic)).toMatchObject({ ok: false, detected: 'HEIC' });
    expect(probeImage(Buffer.from('%PDF-1.7\n'))).toMatchObject({ detected: 'PDF' });
  });

  it('ignores names: text is unsupported whatever it claims to be', () => {
    expect(probeImage(Buffer.from('just some text, saved as photo.jpg'))).toEqual({
      ok: false,
      reason: 'unsupported',
      detected: null,
    });
    expect(probeImage(Buffer.alloc(0))).toMatchObject({ ok: false, reason: 'unsupported' });
  });

  it('calls a file with the right magic but a broken header invalid', async () => {
    expect(probeImage(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00]))).toEqual({
      ok: false,
      reason: 'invalid',
      mime: 'image/jpeg',
    });
    const png = await testImages.png(10, 10);
    expect(probeImage(png.subarray(0, 20))).toMatchObject({ reason: 'invalid', mime: 'image/png' });
    const zero = Buffer.from(png);
    zero.writeUInt32BE(0, 16);
    expect(probeImage(zero)).toMatchObject({ reason: 'invalid', mime: 'image/png' });
    expect(probeImage(Buffer.from('RIFF\0\0\0\0WEBPVP8Z'))).toMatchObject({ reason: 'invalid' });
  });
});
