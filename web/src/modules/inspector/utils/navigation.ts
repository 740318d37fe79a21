/**
 * A link that opens the phone's own map app at a place (it may work offline with its own
 * maps): Apple Maps on iPhones and iPads, a geo: URI (RFC 5870) everywhere else.
 */
export function navigationUrl(
  lng: number,
  lat: number,
  label: string,
  userAgent = navigator.userAgent,
): string {
  const ll = `${lat.toFixed(6)},${lng.toFixed(6)}`;
  if (/iPhone|iPad|iPod/i.test(userAgent)) {
    return `https://maps.apple.com/?ll=${ll}&q=${encodeURIComponent(label)}`;
  }
  return `geo:${ll}?q=${ll}(${encodeURIComponent(label)})`;
}
