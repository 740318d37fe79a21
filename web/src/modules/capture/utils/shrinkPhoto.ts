/** Longest edge of a photo sent from a phone: enough for evidence, a fraction of the bytes. */
export const PHOTO_MAX_EDGE = 1920;

/** The size of a w×h picture scaled down to fit `max` on its longest edge (never up). */
export function fitWithin(
  width: number,
  height: number,
  max: number,
): { width: number; height: number } {
  const longest = Math.max(width, height);
  if (longest <= max || longest <= 0) {
    return { width, height };
  }
  const k = max / longest;
  return { width: Math.max(1, Math.round(width * k)), height: Math.max(1, Math.round(height * k)) };
}

/** `IMG_0001.HEIC` → `IMG_0001.jpg`. */
export function jpegName(name: string): string {
  const base = name.replace(/\.[^./\\]*$/, '');
  return `${base || 'photo'}.jpg`;
}

/**
 * A camera photo made smaller for the network and the offline queue: scaled to
 * PHOTO_MAX_EDGE (the browser applies the EXIF orientation) and re-encoded as JPEG. Small
 * pictures, and anything the browser cannot decode here, are kept as they are (the server
 * checks the type by content).
 */
export async function shrinkPhoto(file: File, maxEdge = PHOTO_MAX_EDGE): Promise<File> {
  if (typeof createImageBitmap !== 'function' || typeof document === 'undefined') {
    return file;
  }
  try {
    const bitmap = await createImageBitmap(file);
    const size = fitWithin(bitmap.width, bitmap.height, maxEdge);
    if (size.width === bitmap.width && file.size < 2_000_000 && file.type === 'image/jpeg') {
      bitmap.close();
      return file;
    }
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const ctx = canvas.getContext('2d');
    if (!ctx) {
      bitmap.close();
      return file;
    }
    ctx.drawImage(bitmap, 0, 0, size.width, size.height);
    bitmap.close();
    const blob = await new Promise<Blob | null>((resolve) =>
      canvas.toBlob(resolve, 'image/jpeg', 0.85),
    );
    if (!blob || blob.size >= file.size) {
      return file;
    }
    return new File([blob], jpegName(file.name), {
      type: 'image/jpeg',
      lastModified: file.lastModified,
    });
  } catch {
    return file;
  }
}
