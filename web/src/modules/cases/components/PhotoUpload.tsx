import { CameraOutlined } from '@ant-design/icons';
import { App, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { attachmentsApi } from '../../../api/attachments.api';
import { useApiErrors } from '../../core/hooks/useApiErrors';
import { useT } from '../../i18n/hooks/useT';
import { casesMessages } from '../cases.messages';

export interface PhotoUploadProps {
  id?: string;
  /** Ids of the uploaded photos (the form's value). */
  value?: string[];
  onChange?: (ids: string[]) => void;
  max?: number;
  testId?: string;
}

/**
 * Uploads photos as soon as they are chosen and gives the form their attachment ids; shows
 * thumbnails. A failed upload says why and is left out of the value.
 */
export function PhotoUpload({ id, value, onChange, max = 9, testId }: PhotoUploadProps) {
  const t = useT(casesMessages);
  const { errorText } = useApiErrors();
  const { message } = App.useApp();
  const [files, setFiles] = useState<UploadFile[]>(() =>
    (value ?? []).map((aid) => ({
      uid: aid,
      name: aid,
      status: 'done',
      thumbUrl: attachmentsApi.thumbUrl(aid),
      response: { id: aid },
    })),
  );

  const emit = (list: UploadFile[]) => {
    onChange?.(
      list
        .filter((f) => f.status === 'done')
        .map((f) => (f.response as { id: string } | undefined)?.id)
        .filter((x): x is string => Boolean(x)),
    );
  };

  return (
    <div id={id} data-testid={testId}>
      <Upload
        listType="picture-card"
        accept="image/jpeg,image/png,image/webp"
        multiple
        maxCount={max}
        fileList={files}
        customRequest={({ file, onSuccess, onError }) => {
          attachmentsApi.upload([file as File]).then(
            (items) => onSuccess?.({ id: items[0]?.id }),
            (err: unknown) => {
              void message.error(t('form.uploadFailed', { message: errorText(err) }));
              onError?.(err instanceof Error ? err : new Error(String(err)));
            },
          );
        }}
        onChange={({ fileList }) => {
          const next = fileList.filter((f) => f.status !== 'error');
          setFiles(next);
          emit(next);
        }}
        onRemove={(f) => {
          const next = files.filter((x) => x.uid !== f.uid);
          setFiles(next);
          emit(next);
          return true;
        }}
      >
        {files.length >= max ? null : (
          <div>
            <CameraOutlined style={{ fontSize: 20 }} />
            <div style={{ marginTop: 6, fontSize: 12 }}>{t('form.upload')}</div>
          </div>
        )}
      </Upload>
    </div>
  );
}
