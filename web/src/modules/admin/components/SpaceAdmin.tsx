import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Table, Typography } from 'antd';
import { useRef, useState } from 'react';
import { adminApi, type SpaceImportIssue, type SpaceImportResult } from '../../../api/admin.api';
import { ApiError } from '../../../api/http';
import { spaceApi } from '../../../api/space.api';
import { coreMessages } from '../../core/core.messages';
import { useFeatureErrors } from '../../core/hooks/useFeatureErrors';
import { useResource } from '../../core/hooks/useResource';
import { clearCache } from '../../core/utils/cached';
import { useT } from '../../i18n/hooks/useT';
import { adminSpaceMessages } from '../admin-space.messages';
import { adminMessages } from '../admin.messages';
import { importIssues, parseGeoJson } from '../utils/geojsonFile';
import { AdminSection } from './AdminSection';

type Kind = 'regions' | 'grids';

interface Checked {
  name: string;
  collection: unknown;
  features: number;
  result: SpaceImportResult | null;
  error: string | null;
  issues: SpaceImportIssue[];
}

/** One GeoJSON import: choose a file, dry run (every bad feature listed), then confirm. */
function ImportCard({
  kind,
  current,
  onImported,
}: {
  kind: Kind;
  current: number | undefined;
  onImported: () => void;
}) {
  const t = useT(adminSpaceMessages);
  const tc = useT(coreMessages);
  const { message } = App.useApp();
  const errorText = useFeatureErrors(adminMessages);
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<'check' | 'import' | null>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);

  const choose = async (file: File | undefined) => {
    if (input.current) {
      input.current.value = '';
    }
    if (!file) {
      return;
    }
    setFileError(null);
    setChecked(null);
    const parsed = parseGeoJson(await file.text());
    if (!parsed.ok) {
      setFileError(
        parsed.reason === 'json'
          ? t('space.notJson', { message: parsed.message })
          : t('space.notCollection'),
      );
      return;
    }
    setBusy('check');
    const base = {
      name: file.name,
      collection: parsed.collection,
      features: parsed.collection.features.length,
    };
    try {
      const result = await adminApi.importSpace(kind, parsed.collection, true);
      setChecked({ ...base, result, error: null, issues: [] });
    } catch (err) {
      setChecked({
        ...base,
        result: null,
        error: errorText(err),
        issues: err instanceof ApiError ? importIssues(err.details) : [],
      });
    } finally {
      setBusy(null);
    }
  };

  const confirm = async () => {
    if (!checked?.result) {
      return;
    }
    setBusy('import');
    try {
      const r = await adminApi.importSpace(kind, checked.collection, false);
      void message.success(t('space.imported', { created: r.created, updated: r.updated }));
      setChecked(null);
      onImported();
    } catch (err) {
      setChecked({
        ...checked,
        result: null,
        error: errorText(err),
        issues: err instanceof ApiError ? importIssues(err.details) : [],
      });
    } finally {
      setBusy(null);
    }
  };

  const featureCount = new Set(checked?.issues.map((i) => i.index)).size;
  return (
    <AdminSection
      title={t(kind === 'regions' ? 'space.regions' : 'space.grids')}
      testId={`import-${kind}`}
      extra={
        <Typography.Text type="secondary">
          {current === undefined
            ? ''
            : t(kind === 'regions' ? 'space.current.regions' : 'space.current.grids', {
                n: current,
              })}
        </Typography.Text>
      }
    >
      <Flex gap={8} wrap>
        <Button
          icon={<UploadOutlined />}
          onClick={() => input.current?.click()}
          loading={busy === 'check'}
          data-testid={`import-${kind}-choose`}
        >
          {busy === 'check' ? t('space.checking') : t('space.choose')}
        </Button>
        <input
          ref={input}
          type="file"
          accept=".geojson,.json,application/geo+json,application/json"
          style={{ display: 'none' }}
          data-testid={`import-${kind}-file`}
          onChange={(e) => void choose(e.target.files?.[0])}
        />
        <Button icon={<DownloadOutlined />} href={`/api/v1/space/${kind}/export`} target="_blank">
          {t('space.export')}
        </Button>
      </Flex>
      {fileError ? (
        <Alert type="error" showIcon title={fileError} data-testid={`import-${kind}-error`} />
      ) : null}
      {checked ? (
        <Typography.Text type="secondary">
          {t('space.file', { name: checked.name, n: checked.features })}
        </Typography.Text>
      ) : null}
      {checked?.result ? (
        <Alert
          type="success"
          showIcon
          data-testid={`import-${kind}-ok`}
          title={t('space.checkOk', {
            total: checked.result.total,
            created: checked.result.created,
            updated: checked.result.updated,
          })}
          action={
            <Button
              type="primary"
              onClick={() => void confirm()}
              loading={busy === 'import'}
              data-testid={`import-${kind}-confirm`}
            >
              {t('space.confirm')}
            </Button>
          }
        />
      ) : null}
      {checked?.error ? (
        <Alert type="error" showIcon title={checked.error} data-testid={`import-${kind}-error`} />
      ) : null}
      {checked && checked.issues.length > 0 ? (
        <Table<SpaceImportIssue>
          size="small"
          rowKey={(i) => `${i.index}|${i.path}|${i.message}`}
          title={() => t('space.issues', { features: featureCount, n: checked.issues.length })}
          dataSource={checked.issues}
          pagination={{
            pageSize: 10,
            showSizeChanger: false,
            showTotal: (n) => tc('common.total', { n }),
          }}
          scroll={{ x: 'max-content' }}
          data-testid={`import-${kind}-issues`}
          columns={[
            {
              title: t('space.issue.feature'),
              dataIndex: 'index',
              width: 90,
              render: (i: number) => t('space.issue.nth', { n: i + 1 }),
            },
            {
              title: t('space.issue.code'),
              dataIndex: 'code',
              width: 160,
              render: (c: string | null) => c ?? '—',
            },
            {
              title: t('space.issue.field'),
              dataIndex: 'path',
              render: (p: string) => <Typography.Text code>{p}</Typography.Text>,
            },
            { title: t('space.issue.problem'), dataIndex: 'message' },
          ]}
        />
      ) : null}
    </AdminSection>
  );
}

/** Regions and grids: GeoJSON imports with a dry run first. */
export function SpaceAdmin() {
  const t = useT(adminSpaceMessages);
  const [version, setVersion] = useState(0);
  const regions = useResource(() => spaceApi.regions(), [version]);
  const grids = useResource(() => adminApi.gridCount(), [version]);
  const imported = () => {
    // Maps everywhere read the outlines from the session cache.
    clearCache();
    setVersion((n) => n + 1);
  };
  return (
    <div>
      <Alert type="info" showIcon title={t('space.intro')} style={{ marginBottom: 12 }} />
      <ImportCard kind="regions" current={regions.data?.length} onImported={imported} />
      <ImportCard kind="grids" current={grids.data} onImported={imported} />
    </div>
  );
}
