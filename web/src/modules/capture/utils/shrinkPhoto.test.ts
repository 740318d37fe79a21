import { describe, expect, it } from 'vitest';
import { fitWithin, jpegName, shrinkPhoto } from './shrinkPhoto';

describe(fitWithin.name, () => {
  it('scales the longest edge down to the limit, keeping the shape', () => {
    expect(fitWithin(4032, 3024, 1920)).toEqual({ width: 1920, height: 1440 });
    expect(fitWithin(3024, 4032, 1920)).toEqual({ width: 1440, height: 1920 });
  });

  it('never scales up', () => {
    expect(fitWithin(800, 600, 1920)).toEqual({ width: 800, height: 600 });
  });
});

describe(jpegName.name, () => {
  it('gives the re-encoded photo a .jpg name', () => {
    expect(jpegName('IMG_0001.HEIC')).toBe('IMG_0001.jpg');
    expect(jpegName('a.b.png')).toBe('a.b.jpg');
    expect(jpegName('.png')).toBe('photo.jpg');
  });
});

describe(shrinkPhoto.name, () => {
  it('keeps a photo it cannot decode as it is', async () => {
    const f = new File(['not a picture'], 'x.jpg', { type: 'image/jpeg' });
    expect(await shrinkPhoto(f)).toBe(f);
  });
});
