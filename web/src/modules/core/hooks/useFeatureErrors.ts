import { useCallback } from 'react';
import { ApiError } from '../../../api/http';
import { useT } from '../../i18n/hooks/useT';
import type { Messages } from '../../i18n/utils/messages';
import { useApiErrors } from './useApiErrors';

/**
 * `errorText` for a feature whose API answers codes the core dictionary does not know
 * (PUBLIC_RATE_LIMITED, SPACE_IMPORT_INVALID…): the feature's `error.<CODE>` text when its
 * dictionary has one (with the error's `details` object as placeholders, e.g.
 * `{retryAfterMinutes}`), otherwise the core text.
 */
export function useFeatureErrors<K extends string>(
  messages: Messages<K>,
): (err: unknown) => string {
  const t = useT(messages);
  const { errorText } = useApiErrors();
  return useCallback(
    (err: unknown) => {
      if (err instanceof ApiError) {
        const key = `error.${err.code}`;
        if (Object.hasOwn(messages.en, key)) {
          return t(key as K, errorVars(err));
        }
      }
      return errorText(err);
    },
    [messages, t, errorText],
  );
}

/** Placeholders from an error's details: its numbers and strings, plus minutes from seconds. */
function errorVars(err: ApiError): Record<string, string | number> {
  const d = err.details;
  if (typeof d !== 'object' || d === null || Array.isArray(d)) {
    return {};
  }
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(d as Record<string, unknown>)) {
    if (typeof v === 'number' || typeof v === 'string') {
      out[k] = v;
    }
  }
  if (typeof out.retryAfterSeconds === 'number') {
    out.retryAfterMinutes = Math.max(1, Math.ceil(out.retryAfterSeconds / 60));
  }
  return out;
}
