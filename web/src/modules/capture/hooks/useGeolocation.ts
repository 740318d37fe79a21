import { useCallback, useState } from 'react';

/** A position from the device: WGS84 degrees and the accuracy radius in metres. */
export interface DevicePosition {
  lng: number;
  lat: number;
  accuracy: number | null;
}

export type GeolocationFailure = 'denied' | 'unavailable' | 'unsupported';

export interface Geolocation {
  locating: boolean;
  failure: GeolocationFailure | null;
  /** Asks the device for its position; resolves null (and sets `failure`) when it cannot. */
  locate(): Promise<DevicePosition | null>;
}

/** The phone's GPS (navigator.geolocation), once per call, high accuracy. */
export function useGeolocation(): Geolocation {
  const [locating, setLocating] = useState(false);
  const [failure, setFailure] = useState<GeolocationFailure | null>(null);
  const locate = useCallback(() => {
    if (typeof navigator === 'undefined' || !navigator.geolocation) {
      setFailure('unsupported');
      return Promise.resolve(null);
    }
    setLocating(true);
    setFailure(null);
    return new Promise<DevicePosition | null>((resolve) => {
      navigator.geolocation.getCurrentPosition(
        (p) => {
          setLocating(false);
          resolve({
            lng: Math.round(p.coords.longitude * 1e7) / 1e7,
            lat: Math.round(p.coords.latitude * 1e7) / 1e7,
            accuracy: Number.isFinite(p.coords.accuracy) ? Math.round(p.coords.accuracy) : null,
          });
        },
        (err) => {
          setLocating(false);
          setFailure(err.code === err.PERMISSION_DENIED ? 'denied' : 'unavailable');
          resolve(null);
        },
        { enableHighAccuracy: true, timeout: 15_000, maximumAge: 30_000 },
      );
    });
  }, []);
  return { locating, failure, locate };
}
