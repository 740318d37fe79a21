import { DownloadOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Form, Radio, Switch, Upload } from 'antd';
import { useState } from 'react';
import {
  IMPORT_KINDS,
  importsApi,
  type ImportJob,
  type ImportKind,
} from '../../../api/imports.api';
import { useApiErrors } from '../../core/hooks/useApiErrors';
import { saveBlob } from '../../core/utils/saveBlob';
import { useT } from '../../i18n/hooks/useT';
import { importsMessages } from '../imports.messages';
import {
  formatBytes,
  IMPORT_ACCEPT,
  importFileProblem,
  type ImportFileProblem,
} from '../utils/importFile';
import { ImportErrorDetails } from './ImportErrorDetails';

export interface ImportFormProps {
  /** The job the server queued for the upload. */
  onStarted: (job: ImportJob) => void;
}

const PROBLEM_KEY = {
  missing: 'check.missing',
  type: 'check.type',
  empty: 'check.empty',
  tooLarge: 'check.tooLarge',
} as const satisfies Record<ImportFileProblem, string>;

/**
 * The upload form: what the file holds (hotline orders or historical cases), dry run or a
 * real import, the file (checked here first: there is one, .xlsx or .csv, at most 200 MB),
 * and the templates of both kinds. The dry run is on by default: a file is checked before
 * it creates cases.
 */
export function ImportForm({ onStarted }: ImportFormProps) {
  const t = useT(importsMessages);
  const { message } = App.useApp();
  const { errorText } = useApiErrors();
  const [kind, setKind] = useState<ImportKind>('hotline');
  const [dryRun, setDryRun] = useState(true);
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<ImportFileProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const choose = (f: File | null) => {
    setFile(f);
    setFailure(null);
    // An empty choice is not a mistake yet; submitting without a file is.
    setProblem(f ? importFileProblem(f) : null);
  };

  const submit = async () => {
    const p = importFileProblem(file);
    setProblem(p);
    if (p || !file) {
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const job = await importsApi.start(kind, dryRun, file);
      onStarted(job);
      void message.success(t('submit.started', { name: file.name }));
      setFile(null);
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(false);
    }
  };

  const downloadTemplate = async (k: ImportKind) => {
    try {
      saveBlob(await importsApi.template(k), `cityloop-${k}-template.xlsx`);
    } catch (err) {
      void message.error(t('template.failed', { message: errorText(err) }));
    }
  };

  return (
    <Form layout="vertical" data-testid="import-form" onFinish={() => void submit()}>
      <Form.Item label={t('field.kind')}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          value={kind}
          onChange={(e) => setKind(e.target.value as ImportKind)}
          options={IMPORT_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
          data-testid="import-kind"
        />
      </Form.Item>
      <Form.Item label={t('field.dryRun')} extra={t(dryRun ? 'dryRun.on' : 'dryRun.off')}>
        <Switch checked={dryRun} onChange={setDryRun} data-testid="import-dry-run" />
      </Form.Item>
      <Form.Item
        label={t('field.file')}
        required
        validateStatus={problem ? 'error' : undefined}
        help={
          problem ? (
            <span data-testid="import-file-problem">
              {t(PROBLEM_KEY[problem], { size: file ? formatBytes(file.size) : '' })}
            </span>
          ) : undefined
        }
      >
        <Upload.Dragger
          accept={IMPORT_ACCEPT}
          multiple={false}
          maxCount={1}
          beforeUpload={(f) => {
            choose(f);
            return false;
          }}
          fileList={
            file
              ? [
                  {
                    uid: 'chosen',
                    name: t('file.chosen', { name: file.name, size: formatBytes(file.size) }),
                    status: problem ? 'error' : 'done',
                  },
                ]
              : []
          }
          onRemove={() => choose(null)}
          data-testid="import-file"
        >
          <p className="ant-upload-drag-icon" style={{ marginBottom: 8 }}>
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('file.drop')}</p>
          <p className="ant-upload-hint">{t('file.hint')}</p>
        </Upload.Dragger>
      </Form.Item>
      <Form.Item label={t('template.label')}>
        <Flex wrap gap={4}>
          {IMPORT_KINDS.map((k) => (
            <Button
              key={k}
              icon={<DownloadOutlined />}
              onClick={() => void downloadTemplate(k)}
              data-testid={`import-template-${k}`}
            >
              {t(`kind.${k}`)}
            </Button>
          ))}
        </Flex>
      </Form.Item>
      {failure ? (
        <Alert
          type="error"
          showIcon
          title={t('upload.failed')}
          description={<ImportErrorDetails error={failure} />}
          style={{ marginBottom: 16 }}
          data-testid="import-upload-error"
        />
      ) : null}
      <Button
        type="primary"
        htmlType="submit"
        icon={<UploadOutlined />}
        loading={busy}
        block
        data-testid="import-submit"
      >
        {t(dryRun ? 'submit.dryRun' : 'submit.import')}
      </Button>
    </Form>
  );
}
