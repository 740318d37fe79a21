import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Drawer,
  Flex,
  Modal,
  Popconfirm,
  Table,
  Tag,
  type TableColumnsType,
  type TableProps,
} from 'antd';
import { useState, type ReactNode } from 'react';
import { coreMessages } from '../../core/core.messages';
import type { Resource } from '../../core/hooks/useResource';
import { useScreens } from '../../core/hooks/useScreens';
import { useT } from '../../i18n/hooks/useT';
import { adminMessages } from '../admin.messages';
import { useRowAction } from '../hooks/useRowAction';
import { AdminSection } from './AdminSection';

/** antd's row type (a record of anything). */
type Row = NonNullable<TableProps['dataSource']>[number];

export interface CrudSectionProps<T extends Row> {
  title?: ReactNode;
  intro: ReactNode;
  testId: string;
  /** The "new" button in the section's header; none for a list that is only edited. */
  newButton?: { label: ReactNode; testId?: string };
  /** Filters above the list. */
  toolbar?: ReactNode;
  /** The rows, loaded by the page (it owns the filters); reloaded after every change. */
  list: Resource<T[]>;
  rowKey: Extract<keyof T, string>;
  /** The columns before the actions column. */
  columns: TableColumnsType<T>;
  tableTestId?: string;
  /** Rows per page (default 20); false: one list without pages. */
  pageSize?: number | false;
  emptyText?: ReactNode;
  /** Rows that are deactivated, not deleted: a status column (启用 / 停用) of their `active`. */
  activeColumn?: boolean;
  /** The edit button of each row: its label (default 编辑) and test id. */
  editButton?: { label?: ReactNode; testId?: string };
  /** A delete button (after a confirmation) on each row. */
  remove?: { confirm: ReactNode; call: (row: T) => Promise<unknown> };
  /** Width of the actions column; by default room for its buttons. */
  actionsWidth?: number;
  /** The editor opens in a drawer (full width on small screens) or in a modal. */
  editor: { in: 'drawer' | 'modal'; width?: number; title: (row: T | null) => ReactNode };
  /** The editor's form for a row, or for a new one (null); it calls `onSaved` after a save. */
  form: (row: T | null, onSaved: () => void) => ReactNode;
  /** What else a save changes, before the list reloads (e.g. cached names). */
  onSaved?: () => void;
}

/**
 * A list an admin maintains: a table with edit (and delete) on each row, a "new" button, and
 * the form in a drawer or modal; the list reloads after every save or delete.
 */
export function CrudSection<T extends Row>({
  title,
  intro,
  testId,
  newButton,
  toolbar,
  list,
  rowKey,
  columns,
  tableTestId,
  pageSize = 20,
  emptyText,
  activeColumn,
  editButton,
  remove,
  actionsWidth,
  editor,
  form,
  onSaved,
}: CrudSectionProps<T>) {
  const ta = useT(adminMessages);
  const tc = useT(coreMessages);
  const screens = useScreens();
  const act = useRowAction(list.reload);
  const [editing, setEditing] = useState<T | 'new' | null>(null);

  const saved = () => {
    setEditing(null);
    onSaved?.();
    list.reload();
  };
  const status: TableColumnsType<T> = activeColumn
    ? [
        {
          title: ta('common.status'),
          dataIndex: 'active',
          width: 80,
          render: (a: boolean) => (
            <Tag color={a ? 'green' : 'default'}>
              {a ? ta('common.active') : ta('common.inactive')}
            </Tag>
          ),
        },
      ]
    : [];
  const actions: TableColumnsType<T>[number] = {
    title: ta('common.actions'),
    key: 'actions',
    width: actionsWidth ?? (remove ? 170 : 90),
    render: (_, row) => {
      const edit = (
        <Button
          size="small"
          icon={<EditOutlined />}
          onClick={() => setEditing(row)}
          data-testid={editButton?.testId}
        >
          {editButton?.label ?? ta('common.edit')}
        </Button>
      );
      return remove ? (
        <Flex gap={6}>
          {edit}
          <Popconfirm
            title={remove.confirm}
            onConfirm={() => act(remove.call(row), ta('common.deleted'))}
          >
            <Button size="small" danger icon={<DeleteOutlined />}>
              {tc('common.delete')}
            </Button>
          </Popconfirm>
        </Flex>
      ) : (
        edit
      );
    },
  };
  const current = editing === 'new' ? null : editing;
  const editorTitle = editing ? editor.title(current) : '';
  const body = editing ? form(current, saved) : null;

  return (
    <AdminSection
      title={title}
      intro={intro}
      testId={testId}
      extra={
        newButton ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing('new')}
            data-testid={newButton.testId}
          >
            {newButton.label}
          </Button>
        ) : undefined
      }
    >
      {toolbar}
      {list.error ? (
        <Alert type="error" showIcon title={tc('error.load', { message: list.error.message })} />
      ) : null}
      <Table<T>
        rowKey={rowKey}
        size="small"
        loading={list.loading}
        columns={[...columns, ...status, actions]}
        dataSource={list.data ?? []}
        pagination={
          pageSize === false
            ? false
            : { pageSize, showSizeChanger: false, showTotal: (n) => tc('common.total', { n }) }
        }
        locale={emptyText ? { emptyText } : undefined}
        scroll={{ x: 'max-content' }}
        data-testid={tableTestId}
      />
      {editor.in === 'drawer' ? (
        <Drawer
          open={editing !== null}
          onClose={() => setEditing(null)}
          size={screens.md ? (editor.width ?? 520) : '100%'}
          destroyOnHidden
          title={editorTitle}
        >
          {body}
        </Drawer>
      ) : (
        <Modal
          open={editing !== null}
          onCancel={() => setEditing(null)}
          footer={null}
          destroyOnHidden
          title={editorTitle}
          width={editor.width}
        >
          {body}
        </Modal>
      )}
    </AdminSection>
  );
}
