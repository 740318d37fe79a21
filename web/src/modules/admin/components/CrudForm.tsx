import { Alert, Button, Flex, Form, type FormInstance, type FormProps } from 'antd';
import type { ReactNode } from 'react';
import type { FieldPath } from '../../core/hooks/useApiErrors';
import { coreMessages } from '../../core/core.messages';
import { useT } from '../../i18n/hooks/useT';
import { adminMessages } from '../admin.messages';
import { useSave } from '../hooks/useSave';

export interface CrudFormProps<V> {
  form: FormInstance<V>;
  initialValues: FormProps<V>['initialValues'];
  /** Sends the values: the create or the update call. */
  onSave: (values: V) => Promise<unknown>;
  /** The message after a save; 已保存 when not given. */
  savedText?: (values: V) => string;
  /** After a save and its message: close the editor, reload the list. */
  onSaved: () => void;
  /** Server paths that name a differently named field, e.g. {'scope.unitId': ['scopeUnitId']}. */
  rename?: Readonly<Record<string, FieldPath>>;
  testId: string;
  saveTestId: string;
  errorTestId?: string;
  scrollToFirstError?: boolean;
  /** Shown left of the save button. */
  footer?: ReactNode;
  children: ReactNode;
}

/**
 * The form of a list's editor (CrudSection): a failed save shows why above the fields and the
 * server's field issues on the fields; the save button at the bottom.
 */
export function CrudForm<V>({
  form,
  initialValues,
  onSave,
  savedText,
  onSaved,
  rename,
  testId,
  saveTestId,
  errorTestId,
  scrollToFirstError,
  footer,
  children,
}: CrudFormProps<V>) {
  const ta = useT(adminMessages);
  const tc = useT(coreMessages);
  const save = useSave({ form, rename });
  return (
    <Form<V>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={(v) => save.run(() => onSave(v), onSaved, savedText?.(v))}
      data-testid={testId}
      scrollToFirstError={scrollToFirstError}
    >
      {save.error ? (
        <Alert
          type="error"
          showIcon
          title={ta('common.failed')}
          description={save.error}
          style={{ marginBottom: 12 }}
          data-testid={errorTestId}
        />
      ) : null}
      {children}
      <Flex justify="end" gap={8}>
        {footer}
        <Button type="primary" htmlType="submit" loading={save.busy} data-testid={saveTestId}>
          {tc('common.save')}
        </Button>
      </Flex>
    </Form>
  );
}
