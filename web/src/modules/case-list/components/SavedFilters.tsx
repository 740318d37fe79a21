import { DeleteOutlined, StarOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Popover, Select, Space } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/hooks/useT';
import { useSession } from '../../session/hooks/useSession';
import { caseListMessages } from '../case-list.messages';
import {
  loadSavedFilters,
  storeSavedFilters,
  withSavedFilter,
  type SavedFilter,
} from '../utils/savedFilters';

export interface SavedFiltersProps {
  /** The current search as a URL query string. */
  current: string;
  onApply: (query: string) => void;
}

/** Named searches of this user, kept on this browser. */
export function SavedFilters({ current, onApply }: SavedFiltersProps) {
  const t = useT(caseListMessages);
  const { message } = App.useApp();
  const { user } = useSession();
  const uid = user?.id ?? 'anonymous';
  const [list, setList] = useState<SavedFilter[]>(() => loadSavedFilters(uid));
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ name: string }>();

  const save = (name: string) => {
    const next = withSavedFilter(list, { name: name.trim(), query: current });
    setList(next);
    storeSavedFilters(uid, next);
    setChosen(name.trim());
    setOpen(false);
    form.resetFields();
    void message.success(t('saved.saved', { name: name.trim() }));
  };

  const remove = () => {
    if (!chosen) {
      return;
    }
    const next = list.filter((f) => f.name !== chosen);
    setList(next);
    storeSavedFilters(uid, next);
    void message.success(t('saved.deleted', { name: chosen }));
    setChosen(undefined);
  };

  return (
    <Space wrap size={8} data-testid="saved-filters">
      <Select
        style={{ minWidth: 200 }}
        placeholder={t('saved.placeholder')}
        value={chosen}
        aria-label={t('saved.title')}
        options={list.map((f) => ({ value: f.name, label: f.name }))}
        onChange={(name: string) => {
          setChosen(name);
          const f = list.find((x) => x.name === name);
          if (f) {
            onApply(f.query);
          }
        }}
        data-testid="saved-select"
      />
      <Popover
        open={open}
        onOpenChange={setOpen}
        trigger="click"
        content={
          <Form form={form} layout="inline" onFinish={(v) => save(v.name)}>
            <Form.Item
              name="name"
              rules={[{ required: true, whitespace: true, message: t('saved.nameRequired') }]}
            >
              <Input
                placeholder={t('saved.name')}
                maxLength={40}
                autoFocus
                data-testid="saved-name"
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" data-testid="saved-confirm">
              {t('saved.save')}
            </Button>
          </Form>
        }
      >
        <Button icon={<StarOutlined />} data-testid="saved-save">
          {t('saved.save')}
        </Button>
      </Popover>
      {chosen ? (
        <Button icon={<DeleteOutlined />} onClick={remove} aria-label={t('saved.delete')} danger />
      ) : null}
    </Space>
  );
}
