import sharp from 'sharp';

/** A noisy RGB image (noise keeps encoders from shrinking it to nothing). */
function noisy(width: number, height: number) {
  return sharp({
    create: {
      width,
      height,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 40 },
    },
  });
}

/** Real, decodable test images of the accepted types, made with sharp. */
export const testImages = {
  jpeg: (width = 800, height = 600) => noisy(width, height).jpeg({ quality: 80 }).toBuffer(),
  progressiveJpeg: (width = 400, height = 300) =>
    noisy(width, height).jpeg({ progressive: true }).toBuffer(),
  png: (width = 640, height = 480) => noisy(width, height).png().toBuffer(),
  /** Lossy WebP (VP8 chunk). */
  webp: (width = 500, height = 400) => noisy(width, height).webp({ quality: 80 }).toBuffer(),
  /** Lossless WebP (VP8L chunk). */
  webpLossless: (width = 120, height = 90) =>
    noisy(width, height).webp({ lossless: true }).toBuffer(),
  /** WebP with alpha (VP8X chunk). */
  webpAlpha: (width = 130, height = 70) =>
    noisy(width, height).ensureAlpha(0.5).webp({ quality: 80 }).toBuffer(),
};

/** A 1×1 GIF89a. */
export const GIF_1X1 = Buffer.from(
  'R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7',
  'base64',
);
