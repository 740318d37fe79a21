/** The long side of a thumbnail, pixels. */
export const THUMB_MAX_PX = 320;
/** Thumbnails are always WebP. */
export const THUMB_MIME = 'image/webp';

/** Makes thumbnails. Also the decode check: an image it cannot read is rejected. */
export interface Thumbnailer {
  /**
   * A WebP of at most THUMB_MAX_PX on the long side, turned upright by the EXIF orientation,
   * without metadata (no GPS of the original leaks into the thumbnail).
   * @throws Error when the image cannot be decoded
   */
  make(data: Buffer): Promise<Buffer>;
}

let sharpThumbnailer: Promise<Thumbnailer | null> | undefined;

/**
 * The sharp (libvips) thumbnailer, or null when sharp or its platform binary cannot be loaded
 * (then uploads are stored without thumbnails). Loaded once, on first use.
 */
export function loadSharpThumbnailer(
  onUnavailable: (err: unknown) => void = () => {},
): Promise<Thumbnailer | null> {
  sharpThumbnailer ??= import('sharp').then(
    ({ default: sharp }): Thumbnailer => ({
      make: (data) =>
        sharp(data, { failOn: 'error' })
          .rotate()
          .resize(THUMB_MAX_PX, THUMB_MAX_PX, { fit: 'inside', withoutEnlargement: true })
          .webp({ quality: 72 })
          .toBuffer(),
    }),
    (err: unknown) => {
      onUnavailable(err);
      return null;
    },
  );
  return sharpThumbnailer;
}
