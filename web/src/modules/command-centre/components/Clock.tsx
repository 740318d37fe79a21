import { useEffect, useState } from 'react';
import { formatTime } from '../../core/utils/time';

/** The time in the city's zone, ticking (a local timer, not a server poll). */
export function Clock() {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(id);
  }, []);
  const iso = now.toISOString();
  const seconds = String(now.getSeconds()).padStart(2, '0');
  return (
    <span style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="big-clock">
      {formatTime(iso)}:{seconds}
    </span>
  );
}
