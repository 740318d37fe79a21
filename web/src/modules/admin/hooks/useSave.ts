import { App, type FormInstance } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useApiErrors, type FieldPath } from '../../core/hooks/useApiErrors';
import { useFeatureErrors } from '../../core/hooks/useFeatureErrors';
import { useT } from '../../i18n/hooks/useT';
import { adminMessages } from '../admin.messages';

export interface SaveOptions {
  /** The form whose fields get the server's field issues (400/422). */
  form?: FormInstance;
  /** Server paths (without `body.`) that name a differently named form field. */
  rename?: Readonly<Record<string, FieldPath>>;
}

export interface Save {
  busy: boolean;
  /** The last failure in words; null before a save, while one runs and after a success. */
  error: string | null;
  /**
   * Runs one save: busy meanwhile; on success the message `saved` (default 已保存; null for
   * none), then `onDone` with the answer; on failure the error in words and the field issues
   * on the form's fields.
   */
  run: <R>(call: () => Promise<R>, onDone: (answer: R) => void, saved?: string | null) => void;
}

/** The save of an admin form or editor: busy flag, error text, server field issues. */
export function useSave({ form, rename }: SaveOptions = {}): Save {
  const ta = useT(adminMessages);
  const { message } = App.useApp();
  const errorText = useFeatureErrors(adminMessages);
  const { fieldErrors } = useApiErrors();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = useCallback(
    <R>(call: () => Promise<R>, onDone: (answer: R) => void, saved?: string | null) => {
      setBusy(true);
      setError(null);
      void call()
        .then(
          (answer) => {
            const text = saved === undefined ? ta('common.saved') : saved;
            if (text !== null) {
              void message.success(text);
            }
            onDone(answer);
          },
          (err: unknown) => {
            setError(errorText(err));
            form?.setFields(fieldErrors(err, rename) as Parameters<FormInstance['setFields']>[0]);
          },
        )
        .finally(() => setBusy(false));
    },
    [ta, message, errorText, fieldErrors, form, rename],
  );
  return useMemo(() => ({ busy, error, run }), [busy, error, run]);
}
