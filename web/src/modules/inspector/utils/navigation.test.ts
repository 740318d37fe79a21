import { describe, expect, it } from 'vitest';
import { navigationUrl } from './navigation';

describe(navigationUrl.name, () => {
  it('opens the phone map app at the latitude and longitude', () => {
    expect(
      navigationUrl(120.1666, 30.2528, '2026112100001', 'Mozilla/5.0 (Linux; Android 14)'),
    ).toBe('geo:30.252800,120.166600?q=30.252800,120.166600(2026112100001)');
    expect(
      navigationUrl(120.1666, 30.2528, '案件', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0)'),
    ).toBe('https://maps.apple.com/?ll=30.252800,120.166600&q=%E6%A1%88%E4%BB%B6');
  });
});
