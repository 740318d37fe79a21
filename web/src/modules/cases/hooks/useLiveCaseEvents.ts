import { useEffect, useRef } from 'react';

/** A case event as the SSE stream sends it (server cases.routes.ts /events/stream). */
export interface LiveCaseEvent {
  caseId: string;
  number: string;
  /** null for an overdue mark of a stage other than handling (a notice, not an event). */
  seq: number | null;
  action: string;
  fromState: string | null;
  toState: string;
  at: string;
  unitId: string | null;
  gridCode: string;
  lng: number;
  lat: number;
}

/**
 * Calls `onEvent` for each case event inside the user's jurisdiction, live over Server-Sent
 * Events (no polling). Events arriving in a burst are delivered together after `debounceMs`.
 */
export function useLiveCaseEvents(
  onEvents: (events: LiveCaseEvent[]) => void,
  debounceMs = 400,
): void {
  const handler = useRef(onEvents);
  handler.current = onEvents;
  useEffect(() => {
    if (typeof EventSource === 'undefined') {
      return;
    }
    const source = new EventSource('/api/v1/events/stream');
    let batch: LiveCaseEvent[] = [];
    let timer: ReturnType<typeof setTimeout> | null = null;
    source.addEventListener('case', (e) => {
      try {
        batch.push(JSON.parse((e as MessageEvent<string>).data) as LiveCaseEvent);
      } catch {
        return;
      }
      if (!timer) {
        timer = setTimeout(() => {
          const out = batch;
          batch = [];
          timer = null;
          handler.current(out);
        }, debounceMs);
      }
    });
    return () => {
      source.close();
      if (timer) {
        clearTimeout(timer);
      }
    };
  }, [debounceMs]);
}
