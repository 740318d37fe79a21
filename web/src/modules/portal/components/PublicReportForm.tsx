import { Alert, Button, Card, Checkbox, Col, Form, Input, Row, Select, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { ApiError } from '../../../api/http';
import { portalApi, type PublicCategory, type PublicReportCreated } from '../../../api/portal.api';
import { PhotoCapture } from '../../capture/components/PhotoCapture';
import { PointPicker } from '../../capture/components/PointPicker';
import type { DevicePosition } from '../../capture/hooks/useGeolocation';
import { useApiErrors } from '../../core/hooks/useApiErrors';
import { useFeatureErrors } from '../../core/hooks/useFeatureErrors';
import { useResource } from '../../core/hooks/useResource';
import { useLocale } from '../../i18n/hooks/useLocale';
import { useT } from '../../i18n/hooks/useT';
import { useConsoleConfig } from '../../reference/hooks/useConsoleConfig';
import { useRegionShapes } from '../../reference/hooks/useRegionShapes';
import { portalMessages } from '../portal.messages';

interface PublicValues {
  photos: File[];
  place?: DevicePosition;
  matterCode?: string;
  description: string;
  address?: string;
  name?: string;
  phone?: string;
  anonymous: boolean;
}

export interface PublicReportFormProps {
  onSent: (created: PublicReportCreated) => void;
}

const PHONE = /^[0-9+\- ]{5,20}$/;
const MIN_DESCRIPTION = 5;

/**
 * A resident's report without an account: photos, the place (GPS or a tap on the map), an
 * optional category, a description and an optional contact. Photos are uploaded once, even
 * when the report itself has to be sent again; every error keeps what was entered.
 */
export function PublicReportForm({ onSent }: PublicReportFormProps) {
  const t = useT(portalMessages);
  const { locale } = useLocale();
  const errorText = useFeatureErrors(portalMessages);
  const { fieldErrors } = useApiErrors();
  const config = useConsoleConfig();
  const outlines = useRegionShapes('public');
  const [form] = Form.useForm<PublicValues>();
  const [busy, setBusy] = useState<'upload' | 'send' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const anonymous = Form.useWatch('anonymous', form);
  // The honeypot: invisible to people, filled in by bots.
  const honeypot = useRef<HTMLInputElement>(null);
  const uploaded = useRef<{ files: File[]; ids: string[] } | null>(null);
  const categories = useResource((signal) => portalApi.categories(signal), []);

  const options = useMemo(() => {
    const groups = new Map<string, PublicCategory[]>();
    for (const c of categories.data ?? []) {
      groups.set(c.group, [...(groups.get(c.group) ?? []), c]);
    }
    return [...groups].map(([group, list]) => ({
      label: group,
      title: group,
      options: list.map((c) => ({
        value: c.code,
        label: locale === 'en' && c.nameEn ? c.nameEn : c.name,
      })),
    }));
  }, [categories.data, locale]);

  const handleFinish = async (v: PublicValues) => {
    if (!v.place) {
      return;
    }
    setError(null);
    try {
      let ids: string[] = [];
      if (v.photos.length > 0) {
        const u = uploaded.current;
        const same =
          u && u.files.length === v.photos.length && u.files.every((f, i) => f === v.photos[i]);
        if (same && u) {
          ids = u.ids;
        } else {
          setBusy('upload');
          ids = await portalApi.upload(v.photos);
          uploaded.current = { files: v.photos, ids };
        }
      }
      setBusy('send');
      const created = await portalApi.report({
        description: v.description.trim(),
        lng: v.place.lng,
        lat: v.place.lat,
        crs: 'wgs84',
        address: v.address?.trim() || undefined,
        matterCode: v.matterCode || undefined,
        attachmentIds: ids.length > 0 ? ids : undefined,
        anonymous: v.anonymous,
        contact:
          !v.anonymous && (v.name?.trim() || v.phone?.trim())
            ? { name: v.name?.trim() || undefined, phone: v.phone?.trim() || undefined }
            : undefined,
        website: honeypot.current?.value || undefined,
      });
      onSent(created);
    } catch (err) {
      if (
        err instanceof ApiError &&
        (err.code === 'ATTACHMENT_NOT_FOUND' || err.code === 'ATTACHMENT_ALREADY_BOUND')
      ) {
        uploaded.current = null;
      }
      setError(errorText(err));
      form.setFields(
        fieldErrors(err, {
          lng: ['place'],
          lat: ['place'],
          'contact.name': ['name'],
          'contact.phone': ['phone'],
          attachmentIds: ['photos'],
        }).map((f) =>
          f.name[0] === 'description' && err instanceof ApiError && err.code === 'VALIDATION_FAILED'
            ? { ...f, errors: [t('report.descriptionRequired')] }
            : f,
        ) as Parameters<typeof form.setFields>[0],
      );
    } finally {
      setBusy(null);
    }
  };

  return (
    <Form<PublicValues>
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={{ photos: [], anonymous: false }}
      onFinish={(v) => void handleFinish(v)}
      scrollToFirstError
      data-testid="public-report-form"
    >
      {error ? (
        <Alert
          type="error"
          showIcon
          title={t('report.failed')}
          description={error}
          style={{ marginBottom: 12 }}
          data-testid="public-report-error"
        />
      ) : null}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Form.Item name="photos" label={t('report.photos')}>
          <PhotoCapture max={3} testId="public-photos" />
        </Form.Item>
        <Form.Item
          name="place"
          label={t('report.place')}
          rules={[
            {
              validator: (_, v: DevicePosition | undefined) =>
                v ? Promise.resolve() : Promise.reject(new Error(t('report.placeRequired'))),
            },
          ]}
          extra={config && !config.mapTileUrl ? t('report.noBaseMap') : undefined}
          style={{ marginBottom: 0 }}
        >
          <PointPicker
            tileUrl={config?.mapTileUrl}
            baseShapes={outlines.shapes}
            mapReady={!outlines.loading}
            height={220}
            testId="public-place"
          />
        </Form.Item>
      </Card>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Form.Item name="matterCode" label={t('report.category')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('report.categoryPlaceholder')}
            options={options}
            loading={categories.loading}
            data-testid="public-category"
          />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('report.description')}
          rules={[
            {
              required: true,
              whitespace: true,
              min: MIN_DESCRIPTION,
              message: t('report.descriptionRequired'),
            },
          ]}
        >
          <Input.TextArea
            rows={4}
            maxLength={2000}
            showCount
            placeholder={t('report.descriptionPlaceholder')}
            data-testid="public-description"
          />
        </Form.Item>
        <Form.Item
          name="address"
          label={t('report.address')}
          rules={[{ max: 200 }]}
          style={{ marginBottom: 0 }}
        >
          <Input maxLength={200} data-testid="public-address" />
        </Form.Item>
      </Card>
      <Card size="small" title={t('report.contact')} style={{ marginBottom: 12 }}>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('report.contactHint')}
        </Typography.Paragraph>
        <Form.Item name="anonymous" valuePropName="checked">
          <Checkbox data-testid="public-anonymous">{t('report.anonymous')}</Checkbox>
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={10}>
            <Form.Item name="name" label={t('report.name')} rules={[{ max: 50 }]}>
              <Input
                maxLength={50}
                disabled={anonymous}
                autoComplete="name"
                data-testid="public-name"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={14}>
            <Form.Item
              name="phone"
              label={t('report.phone')}
              rules={[
                {
                  validator: (_, v: string | undefined) =>
                    anonymous || !v?.trim() || PHONE.test(v.trim())
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('report.phoneInvalid'))),
                },
              ]}
              style={{ marginBottom: 0 }}
            >
              <Input
                maxLength={20}
                inputMode="tel"
                autoComplete="tel"
                disabled={anonymous}
                data-testid="public-phone"
              />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      {/* Honeypot: out of sight and out of the tab order; people leave it empty. */}
      <div
        aria-hidden="true"
        style={{
          position: 'absolute',
          left: -10000,
          top: 'auto',
          width: 1,
          height: 1,
          overflow: 'hidden',
        }}
      >
        <label>
          Website
          <input
            ref={honeypot}
            type="text"
            name="website"
            tabIndex={-1}
            autoComplete="off"
            defaultValue=""
          />
        </label>
      </div>
      <Button
        type="primary"
        htmlType="submit"
        size="large"
        block
        loading={busy !== null}
        data-testid="public-submit"
      >
        {busy === 'upload' ? t('report.uploading') : t('report.submit')}
      </Button>
    </Form>
  );
}
