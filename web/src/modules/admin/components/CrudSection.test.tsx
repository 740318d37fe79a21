import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp, Form, Input } from 'antd';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { requestJson } from '../../../api/http';
import { useResource } from '../../core/hooks/useResource';
import { LocaleProvider } from '../../i18n/components/LocaleProvider';
import { CrudForm } from './CrudForm';
import { CrudSection } from './CrudSection';

interface Thing {
  id: string;
  code: string;
  name: string;
  active: boolean;
}

interface ThingValues {
  code: string;
  name: string;
}

const json = (status: number, body?: unknown) =>
  Promise.resolve(
    body === undefined
      ? new Response(null, { status })
      : new Response(JSON.stringify(body), {
          status,
          headers: { 'content-type': 'application/json' },
        }),
  );

/** The fake server: a list of things; a code 'taken' is refused with field issues. */
let things: Thing[] = [];
const calls: { method: string; url: string; body?: unknown }[] = [];

function fakeFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const url = input instanceof Request ? input.url : input.toString();
  const method = init?.method ?? 'GET';
  const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
  calls.push({ method, url, body });
  if (url === '/api/v1/things' && method === 'GET') {
    return json(200, { items: things });
  }
  if (url === '/api/v1/things' && method === 'POST') {
    if (body.code === 'taken') {
      // `label` is the server's name of the form's `name` field.
      return json(400, {
        error: {
          code: 'VALIDATION_FAILED',
          message: 'Request validation failed',
          details: [
            {
              path: 'body.code',
              message: 'String must contain at most 8 character(s)',
              code: 'too_big',
            },
            { path: 'body.label', message: 'Required', code: 'invalid_type' },
          ],
        },
      });
    }
    const created: Thing = { id: `t${things.length + 1}`, active: true, ...body };
    things = [...things, created];
    return json(201, created);
  }
  const m = /^\/api\/v1\/things\/([^/]+)$/.exec(url);
  if (m && method === 'PATCH') {
    things = things.map((t) => (t.id === m[1] ? { ...t, ...body } : t));
    return json(
      200,
      things.find((t) => t.id === m[1]),
    );
  }
  if (m && method === 'DELETE') {
    things = things.filter((t) => t.id !== m[1]);
    return json(204);
  }
  return json(404, { error: { code: 'NOT_FOUND', message: url } });
}

const thingsApi = {
  list: (signal: AbortSignal) =>
    requestJson<{ items: Thing[] }>('/api/v1/things', { signal }).then((r) => r.items),
  create: (body: ThingValues) => requestJson<Thing>('/api/v1/things', { json: body }),
  update: (id: string, body: { name: string }) =>
    requestJson<Thing>(`/api/v1/things/${id}`, { method: 'PATCH', json: body }),
  remove: (id: string) => requestJson<void>(`/api/v1/things/${id}`, { method: 'DELETE' }),
};

function ThingForm({ thing, onSaved }: { thing: Thing | null; onSaved: () => void }) {
  const [form] = Form.useForm<ThingValues>();
  return (
    <CrudForm<ThingValues>
      form={form}
      initialValues={thing ? { code: thing.code, name: thing.name } : {}}
      onSave={(v) => (thing ? thingsApi.update(thing.id, { name: v.name }) : thingsApi.create(v))}
      savedText={thing ? undefined : (v) => `已创建 ${v.name}`}
      onSaved={onSaved}
      rename={{ label: ['name'] }}
      testId="thing-form"
      saveTestId="thing-save"
      errorTestId="thing-error"
    >
      <Form.Item name="code" label="编码">
        <Input disabled={Boolean(thing)} data-testid="thing-code" />
      </Form.Item>
      <Form.Item name="name" label="名称">
        <Input data-testid="thing-name" />
      </Form.Item>
    </CrudForm>
  );
}

function ThingsAdmin() {
  const list = useResource((signal) => thingsApi.list(signal), []);
  return (
    <CrudSection<Thing>
      intro="维护事物清单"
      testId="admin-things"
      newButton={{ label: '新建事物', testId: 'thing-new' }}
      list={list}
      rowKey="id"
      columns={[
        { title: '编码', dataIndex: 'code' },
        { title: '名称', dataIndex: 'name' },
      ]}
      tableTestId="things-table"
      activeColumn
      editButton={{ testId: 'thing-edit' }}
      remove={{ confirm: '确定删除该事物？', call: (t) => thingsApi.remove(t.id) }}
      editor={{
        in: 'drawer',
        width: 480,
        title: (t) => (t ? `编辑 ${t.name}` : '新建事物'),
      }}
      form={(t, onSaved) => <ThingForm thing={t} onSaved={onSaved} />}
    />
  );
}

function renderPage() {
  return render(
    <LocaleProvider>
      <AntApp>
        <ThingsAdmin />
      </AntApp>
    </LocaleProvider>,
  );
}

const rows = () =>
  within(screen.getByTestId('things-table'))
    .queryAllByRole('row')
    .filter((r) => r.dataset.rowKey);
const rowOf = (code: string) => rows().find((r) => within(r).queryByText(code))!;
const lists = () => calls.filter((c) => c.method === 'GET' && c.url === '/api/v1/things').length;
/** The form item (label, input, messages) around a field. */
const itemOf = (testId: string) =>
  screen.getByTestId(testId).closest<HTMLElement>('.ant-form-item')!;
const type = (testId: string, value: string) =>
  fireEvent.change(screen.getByTestId(testId), { target: { value } });

beforeEach(() => {
  things = [
    { id: 't1', code: 'A01', name: '路灯', active: true },
    { id: 't2', code: 'B02', name: '井盖', active: false },
  ];
  calls.length = 0;
  vi.stubGlobal('fetch', vi.fn(fakeFetch));
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('admin list with editor (CrudSection, CrudForm)', () => {
  it('lists the rows with their status, a total, and the edit and delete buttons', async () => {
    renderPage();
    await waitFor(() => expect(rows()).toHaveLength(2));
    const section = screen.getByTestId('admin-things');
    expect(within(section).getByText('维护事物清单')).toBeTruthy();
    expect(within(rowOf('A01')).getByText('路灯')).toBeTruthy();
    expect(within(rowOf('A01')).getByText('启用')).toBeTruthy();
    expect(within(rowOf('B02')).getByText('停用')).toBeTruthy();
    expect(within(section).getByText('共 2 条')).toBeTruthy();
    expect(
      within(section)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['编码', '名称', '状态', '操作']);
    expect(within(rowOf('A01')).getByTestId('thing-edit').textContent).toContain('编辑');
    expect(within(rowOf('A01')).getByRole('button', { name: /删\s*除/ })).toBeTruthy();
  });

  it('creates through the drawer, showing server field issues on their fields first', async () => {
    renderPage();
    await waitFor(() => expect(rows()).toHaveLength(2));
    fireEvent.click(screen.getByTestId('thing-new'));
    expect(await screen.findByText('新建事物', { selector: '.ant-drawer-title' })).toBeTruthy();
    await screen.findByTestId('thing-form');

    type('thing-code', 'taken');
    type('thing-name', '垃圾桶');
    fireEvent.click(screen.getByTestId('thing-save'));

    // The sentence above the fields, and each issue under its own field (`label` → name).
    const alert = await screen.findByTestId('thing-error');
    expect(within(alert).getByText('保存失败')).toBeTruthy();
    expect(within(alert).getByText('填写的内容有误，请检查标红的字段。')).toBeTruthy();
    await waitFor(() => expect(within(itemOf('thing-code')).queryByText('内容过长')).toBeTruthy());
    expect(within(itemOf('thing-name')).getByText('必填')).toBeTruthy();
    expect(within(itemOf('thing-code')).queryByText('必填')).toBeNull();
    // Nothing typed is lost, and the list was not reloaded.
    expect(screen.getByTestId<HTMLInputElement>('thing-name').value).toBe('垃圾桶');
    expect(lists()).toBe(1);

    type('thing-code', 'C03');
    fireEvent.click(screen.getByTestId('thing-save'));
    expect(await screen.findByText('已创建 垃圾桶')).toBeTruthy();
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(within(rowOf('C03')).getByText('垃圾桶')).toBeTruthy();
    expect(lists()).toBe(2);
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.body)).toEqual([
      { code: 'taken', name: '垃圾桶' },
      { code: 'C03', name: '垃圾桶' },
    ]);
    await waitFor(() => expect(screen.queryByTestId('thing-form')).toBeNull());
  });

  it('edits a row in the drawer, filled with its values', async () => {
    renderPage();
    await waitFor(() => expect(rows()).toHaveLength(2));
    fireEvent.click(within(rowOf('A01')).getByTestId('thing-edit'));
    expect(await screen.findByText('编辑 路灯', { selector: '.ant-drawer-title' })).toBeTruthy();
    const code = await screen.findByTestId<HTMLInputElement>('thing-code');
    expect(code.value).toBe('A01');
    expect(code.disabled).toBe(true);
    expect(screen.getByTestId<HTMLInputElement>('thing-name').value).toBe('路灯');

    type('thing-name', '太阳能路灯');
    fireEvent.click(screen.getByTestId('thing-save'));
    expect(await screen.findByText('已保存')).toBeTruthy();
    await waitFor(() => expect(within(rowOf('A01')).queryByText('太阳能路灯')).toBeTruthy());
    expect(calls.find((c) => c.method === 'PATCH')).toEqual({
      method: 'PATCH',
      url: '/api/v1/things/t1',
      body: { name: '太阳能路灯' },
    });
    expect(screen.queryByTestId('thing-error')).toBeNull();
  });

  it('deletes a row only after the confirmation, then reloads the list', async () => {
    renderPage();
    await waitFor(() => expect(rows()).toHaveLength(2));
    fireEvent.click(within(rowOf('B02')).getByRole('button', { name: /删\s*除/ }));
    const confirm = await screen.findByText('确定删除该事物？');
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);

    // Cancel first: nothing happens.
    const popup = confirm.closest<HTMLElement>('.ant-popconfirm')!;
    fireEvent.click(within(popup).getByRole('button', { name: /cancel|取\s*消/i }));
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);

    fireEvent.click(within(rowOf('B02')).getByRole('button', { name: /删\s*除/ }));
    const again = (await screen.findAllByText('确定删除该事物？')).at(-1)!;
    const popup2 = again.closest<HTMLElement>('.ant-popconfirm')!;
    fireEvent.click(within(popup2).getByRole('button', { name: /ok|确\s*定/i }));
    expect(await screen.findByText('已删除')).toBeTruthy();
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.url)).toEqual([
      '/api/v1/things/t2',
    ]);
    expect(lists()).toBe(2);
  });

  it('says why a delete failed and reloads the list anyway', async () => {
    renderPage();
    await waitFor(() => expect(rows()).toHaveLength(2));
    vi.stubGlobal(
      'fetch',
      vi.fn((input: RequestInfo | URL, init?: RequestInit) =>
        init?.method === 'DELETE'
          ? json(404, { error: { code: 'ROUTING_RULE_NOT_FOUND', message: 'gone' } })
          : fakeFetch(input, init),
      ),
    );
    fireEvent.click(within(rowOf('A01')).getByRole('button', { name: /删\s*除/ }));
    const popup = (await screen.findByText('确定删除该事物？')).closest<HTMLElement>(
      '.ant-popconfirm',
    )!;
    fireEvent.click(within(popup).getByRole('button', { name: /ok|确\s*定/i }));
    // The admin dictionary's words for the code.
    expect(await screen.findByText('派遣规则不存在，可能已被删除。')).toBeTruthy();
    await waitFor(() => expect(lists()).toBe(2));
  });
});
