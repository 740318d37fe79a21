import { App } from 'antd';
import { useCallback } from 'react';
import { useFeatureErrors } from '../../core/hooks/useFeatureErrors';
import { adminMessages } from '../admin.messages';

/**
 * An action on a row of a list (delete, revoke, a switch): says `done` or why it failed, then
 * reloads the list either way.
 */
export function useRowAction(reload: () => void): (call: Promise<unknown>, done: string) => void {
  const { message } = App.useApp();
  const errorText = useFeatureErrors(adminMessages);
  return useCallback(
    (call: Promise<unknown>, done: string) => {
      void call
        .then(
          () => void message.success(done),
          (err: unknown) => void message.error(errorText(err)),
        )
        .finally(reload);
    },
    [message, errorText, reload],
  );
}
