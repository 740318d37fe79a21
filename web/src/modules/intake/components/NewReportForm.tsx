import type { CaseSource } from '@common/workflow';
import { Alert, App, Button, Card, Checkbox, Col, Form, Input, Radio, Row, Space } from 'antd';
import { useRef, useState } from 'react';
import { casesApi } from '../../../api/cases.api';
import type { CaseView, NewCaseBody } from '../../../api/types';
import { PhotoUpload } from '../../cases/components/PhotoUpload';
import { MatterPicker } from '../../cases/components/MatterPicker';
import { useApiErrors } from '../../core/hooks/useApiErrors';
import { useLabels } from '../../i18n/hooks/useLabels';
import { useT } from '../../i18n/hooks/useT';
import { useSession } from '../../session/hooks/useSession';
import { intakeMessages } from '../intake.messages';
import { newIdempotencyKey } from '../utils/newIdempotencyKey';
import { LocationPicker, type PickedLocation } from './LocationPicker';

/** Sources the intake desk files cases under (the server checks the role again). */
const DESK_SOURCES: readonly CaseSource[] = ['hotline', 'public', 'sensor'];

interface NewReportValues {
  source: CaseSource;
  description: string;
  location?: PickedLocation;
  address?: string;
  matterCode?: string;
  urgency: 'normal' | 'urgent';
  reporterName?: string;
  reporterPhone?: string;
  anonymous: boolean;
  attachmentIds?: string[];
}

export interface NewReportFormProps {
  onCreated: (kase: CaseView) => void;
}

const PHONE = /^[0-9+\- ]{5,20}$/;

/**
 * A hotline call as a new case: description, place (map click or coordinates, checked against
 * the grids), optional matter, caller and photos. Errors stay in the form; nothing typed is lost.
 */
export function NewReportForm({ onCreated }: NewReportFormProps) {
  const t = useT(intakeMessages);
  const labels = useLabels();
  const { message } = App.useApp();
  const { errorText, fieldErrors } = useApiErrors();
  const { user } = useSession();
  const [form] = Form.useForm<NewReportValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const key = useRef(newIdempotencyKey());
  const anonymous = Form.useWatch('anonymous', form);

  const handleFinish = async (v: NewReportValues) => {
    if (!v.location?.place) {
      return;
    }
    const body: NewCaseBody = {
      source: v.source,
      description: v.description.trim(),
      lng: v.location.lng,
      lat: v.location.lat,
      urgency: v.urgency,
      address: v.address?.trim() || undefined,
      matterCode: v.matterCode || undefined,
      attachmentIds: v.attachmentIds?.length ? v.attachmentIds : undefined,
      reporter: v.anonymous
        ? { anonymous: true }
        : v.reporterName?.trim() || v.reporterPhone?.trim()
          ? {
              name: v.reporterName?.trim() || undefined,
              phone: v.reporterPhone?.trim() || undefined,
            }
          : undefined,
    };
    setBusy(true);
    setError(null);
    try {
      const kase = await casesApi.create(body, key.current);
      key.current = newIdempotencyKey();
      void message.success(t('new.created', { number: kase.number }));
      onCreated(kase);
    } catch (err) {
      setError(errorText(err));
      form.setFields(
        fieldErrors(err, {
          lng: ['location'],
          lat: ['location'],
          'reporter.name': ['reporterName'],
          'reporter.phone': ['reporterPhone'],
        }) as Parameters<typeof form.setFields>[0],
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<NewReportValues>
      form={form}
      layout="vertical"
      initialValues={{ source: 'hotline', urgency: 'normal', anonymous: false }}
      onFinish={(v) => void handleFinish(v)}
      scrollToFirstError
      data-testid="new-report-form"
      disabled={!user}
    >
      {error ? (
        <Alert
          type="error"
          showIcon
          title={t('new.failed')}
          description={error}
          style={{ marginBottom: 16 }}
          data-testid="new-report-error"
        />
      ) : null}
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Form.Item name="source" label={t('new.source')}>
              <Radio.Group
                optionType="button"
                options={DESK_SOURCES.map((s) => ({ value: s, label: labels.source(s) }))}
              />
            </Form.Item>
            <Form.Item
              name="description"
              label={t('new.description')}
              rules={[
                { required: true, whitespace: true, message: t('new.descriptionRequired') },
                { min: 2, message: t('new.descriptionRequired') },
              ]}
            >
              <Input.TextArea
                rows={4}
                maxLength={2000}
                showCount
                placeholder={t('new.descriptionPlaceholder')}
                data-testid="field-description"
              />
            </Form.Item>
            <Form.Item name="matterCode" label={t('new.matter')}>
              <MatterPicker testId="field-matter" />
            </Form.Item>
            <Form.Item name="urgency" label={t('new.urgency')}>
              <Radio.Group
                options={[
                  { value: 'normal', label: labels.urgency('normal') },
                  { value: 'urgent', label: labels.urgency('urgent') },
                ]}
              />
            </Form.Item>
          </Card>
          <Card size="small" title={t('new.reporter')} style={{ marginBottom: 16 }}>
            <Form.Item name="anonymous" valuePropName="checked">
              <Checkbox data-testid="field-anonymous">{t('new.anonymous')}</Checkbox>
            </Form.Item>
            <Row gutter={12}>
              <Col xs={24} sm={12}>
                <Form.Item name="reporterName" label={t('new.reporterName')} rules={[{ max: 50 }]}>
                  <Input disabled={anonymous} maxLength={50} data-testid="field-reporter-name" />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item
                  name="reporterPhone"
                  label={t('new.reporterPhone')}
                  rules={[
                    {
                      validator: (_, v: string | undefined) =>
                        !v?.trim() || PHONE.test(v.trim())
                          ? Promise.resolve()
                          : Promise.reject(new Error(t('new.phoneInvalid'))),
                    },
                  ]}
                >
                  <Input
                    disabled={anonymous}
                    inputMode="tel"
                    maxLength={20}
                    data-testid="field-reporter-phone"
                  />
                </Form.Item>
              </Col>
            </Row>
          </Card>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Form.Item name="attachmentIds" label={t('new.photos')}>
              <PhotoUpload testId="field-photos" />
            </Form.Item>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Form.Item
              name="location"
              label={t('new.location')}
              required
              rules={[
                {
                  validator: (_, v: PickedLocation | undefined) =>
                    !v
                      ? Promise.reject(new Error(t('new.locationRequired')))
                      : v.place
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('new.locationOutside'))),
                },
              ]}
            >
              <LocationPicker />
            </Form.Item>
            <Form.Item name="address" label={t('new.address')} rules={[{ max: 200 }]}>
              <Input
                maxLength={200}
                placeholder={t('new.addressPlaceholder')}
                data-testid="field-address"
              />
            </Form.Item>
          </Card>
        </Col>
      </Row>
      <Space>
        <Button
          type="primary"
          htmlType="submit"
          size="large"
          loading={busy}
          data-testid="submit-report"
        >
          {t('new.submit')}
        </Button>
        <Button
          size="large"
          onClick={() => {
            form.resetFields();
            setError(null);
          }}
        >
          {t('new.reset')}
        </Button>
      </Space>
    </Form>
  );
}
