import { CameraOutlined, CloseOutlined } from '@ant-design/icons';
import { App, Button, Flex, Spin, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useT } from '../../i18n/hooks/useT';
import { captureMessages } from '../capture.messages';
import { shrinkPhoto } from '../utils/shrinkPhoto';

export interface PhotoCaptureProps {
  id?: string;
  /** The chosen photos (kept in the browser until the form is sent). */
  value?: File[];
  onChange?: (files: File[]) => void;
  max?: number;
  disabled?: boolean;
  testId?: string;
}

const TILE = 88;

/**
 * Photos from the phone's camera (the rear one first) or its gallery, shown as thumbnails.
 * Large camera pictures are scaled down before they are kept. Nothing is uploaded here: the
 * form sends the files (or queues them when offline).
 */
export function PhotoCapture({
  id,
  value,
  onChange,
  max = 9,
  disabled,
  testId,
}: PhotoCaptureProps) {
  const t = useT(captureMessages);
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const files = useMemo(() => value ?? [], [value]);
  const urls = useMemo(() => files.map((f) => URL.createObjectURL(f)), [files]);
  useEffect(() => () => urls.forEach((u) => URL.revokeObjectURL(u)), [urls]);

  const add = async (list: FileList | null) => {
    const chosen = [...(list ?? [])];
    if (input.current) {
      input.current.value = '';
    }
    const images = chosen.filter((f) => {
      const ok = f.type === '' || f.type.startsWith('image/');
      if (!ok) {
        void message.warning(t('photo.notImage', { name: f.name }));
      }
      return ok;
    });
    if (files.length + images.length > max) {
      void message.warning(t('photo.tooMany', { max }));
    }
    const room = images.slice(0, Math.max(0, max - files.length));
    if (room.length === 0) {
      return;
    }
    setBusy(true);
    try {
      const shrunk = await Promise.all(room.map((f) => shrinkPhoto(f)));
      onChange?.([...files, ...shrunk]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex id={id} wrap gap={8} data-testid={testId} align="center">
      {files.map((f, i) => (
        <div
          key={`${f.name}-${f.lastModified}-${i}`}
          style={{ position: 'relative', width: TILE, height: TILE }}
          data-testid="photo-thumb"
        >
          <img
            src={urls[i]}
            alt={f.name}
            style={{
              width: TILE,
              height: TILE,
              objectFit: 'cover',
              borderRadius: 8,
              display: 'block',
            }}
          />
          {disabled ? null : (
            <Button
              size="small"
              shape="circle"
              icon={<CloseOutlined />}
              aria-label={t('photo.remove')}
              onClick={() => onChange?.(files.filter((_, j) => j !== i))}
              style={{ position: 'absolute', top: -6, right: -6 }}
            />
          )}
        </div>
      ))}
      {files.length < max && !disabled ? (
        <label
          style={{
            width: TILE,
            height: TILE,
            border: '1px dashed #bfbfbf',
            borderRadius: 8,
            display: 'flex',
            flexDirection: 'column',
            alignItems: 'center',
            justifyContent: 'center',
            gap: 4,
            cursor: 'pointer',
            background: '#fafafa',
            textAlign: 'center',
            fontSize: 12,
            padding: 4,
          }}
        >
          {busy ? <Spin size="small" /> : <CameraOutlined style={{ fontSize: 22 }} />}
          <span>{busy ? t('photo.preparing') : t('photo.take')}</span>
          <input
            ref={input}
            type="file"
            accept="image/*"
            capture="environment"
            multiple
            style={{ display: 'none' }}
            data-testid={testId ? `${testId}-input` : undefined}
            onChange={(e) => void add(e.target.files)}
          />
        </label>
      ) : null}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('photo.count', { n: files.length, max })}
      </Typography.Text>
    </Flex>
  );
}
