import { useCallback, useMemo } from 'react';
import { ApiError, type FieldIssue } from '../../../api/http';
import { useT } from '../../i18n/hooks/useT';
import { coreMessages } from '../core.messages';

type CoreKey = keyof (typeof coreMessages)['en'];

/** A form field path as antd names it: ['reporter', 'phone']. */
export type FieldPath = (string | number)[];

export interface FieldError {
  name: FieldPath;
  errors: string[];
}

/** The console's word for a server field message (server messages are English). */
function fieldKey(issue: FieldIssue): CoreKey {
  const m = issue.message.toLowerCase();
  if (m === 'required' || (issue.code === 'invalid_type' && m.includes('undefined'))) {
    return 'field.required';
  }
  if (m.includes('phone')) {
    return 'field.phone';
  }
  if (m.includes('future')) {
    return 'field.future';
  }
  if (m.includes('outside every unit grid')) {
    return 'field.outsideGrids';
  }
  if (m.includes('unknown unit')) {
    return 'field.unknownUnit';
  }
  if (m.includes('invalid parent')) {
    return 'field.invalidParent';
  }
  if (issue.code === 'too_big') {
    return 'field.tooLong';
  }
  if (issue.code === 'too_small') {
    return 'field.tooShort';
  }
  return 'field.invalid';
}

export interface ApiErrors {
  /** One translated sentence for any error (API code, network, or a plain Error). */
  errorText: (err: unknown) => string;
  /**
   * The field issues of a 400/422 as antd form errors. `rename` maps a server path without
   * its `body.` prefix (e.g. 'lng') to the form's field; other paths split on dots.
   */
  fieldErrors: (err: unknown, rename?: Readonly<Record<string, FieldPath>>) => FieldError[];
}

/** Turns API errors into clear messages in the current language. */
export function useApiErrors(): ApiErrors {
  const t = useT(coreMessages);
  const errorText = useCallback(
    (err: unknown): string => {
      if (err instanceof ApiError) {
        const key = `error.${err.code}` as CoreKey;
        const known = Object.hasOwn(coreMessages.en, key);
        return known ? t(key) : t('error.unknown', { code: err.code, message: err.message });
      }
      return t('error.unknown', {
        code: 'CLIENT',
        message: err instanceof Error ? err.message : String(err),
      });
    },
    [t],
  );
  const fieldErrors = useCallback(
    (err: unknown, rename: Readonly<Record<string, FieldPath>> = {}): FieldError[] => {
      if (!(err instanceof ApiError)) {
        return [];
      }
      const byField = new Map<string, FieldError>();
      for (const issue of err.fieldIssues) {
        const path = issue.path.replace(/^(body|query)\./, '');
        const name = rename[path] ?? path.split('.');
        const k = JSON.stringify(name);
        const entry = byField.get(k) ?? { name, errors: [] };
        const text = t(fieldKey(issue));
        if (!entry.errors.includes(text)) {
          entry.errors.push(text);
        }
        byField.set(k, entry);
      }
      return [...byField.values()];
    },
    [t],
  );
  return useMemo(() => ({ errorText, fieldErrors }), [errorText, fieldErrors]);
}
