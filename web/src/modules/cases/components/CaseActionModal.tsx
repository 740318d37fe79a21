import type { CaseAction } from '@common/workflow';
import { DISPOSAL_MODES, SELECTABLE_VOID_REASONS } from '@common/workflow';
import { Alert, App, DatePicker, Form, Input, Modal, Radio, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { casesApi } from '../../../api/cases.api';
import { clockApi } from '../../../api/clock.api';
import { catalogApi } from '../../../api/catalog.api';
import { ApiError } from '../../../api/http';
import type { ActionBody, CaseEvent, CaseView, MatterCondition } from '../../../api/types';
import { useApiErrors } from '../../core/hooks/useApiErrors';
import { useResource } from '../../core/hooks/useResource';
import { cached } from '../../core/utils/cached';
import { cityInstant, formatTime } from '../../core/utils/time';
import { useLabels } from '../../i18n/hooks/useLabels';
import { useT } from '../../i18n/hooks/useT';
import { casesMessages } from '../cases.messages';
import { actionForm, type ActionField } from '../utils/actionForms';
import { ConditionPicker } from './ConditionPicker';
import { MatterPicker } from './MatterPicker';
import { ParentCasePicker } from './ParentCasePicker';
import { PhotoUpload } from './PhotoUpload';
import { RoutingReason } from './RoutingReason';
import { UnitSelect } from './UnitSelect';

export interface CaseActionModalProps {
  kase: CaseView;
  action: CaseAction | null;
  events?: readonly CaseEvent[];
  onClose: () => void;
  /** The case as the server returned it after the action. */
  onDone: (updated: CaseView) => void;
  /** Reload the case (after a version conflict). */
  onReload: () => void;
  /** Values to start the form with (e.g. the parent chosen from the duplicates list). */
  initialValues?: Partial<ActionFormValues>;
}

/** The inputs of an action form. */
export interface ActionFormValues {
  verifyResult?: boolean;
  matterCode?: string;
  conditionId?: string;
  reason?: string;
  voidReason?: ActionBody['voidReason'];
  parentCaseId?: string;
  targetUnitId?: string;
  deadline?: Dayjs;
  disposalMode?: ActionBody['disposalMode'];
  description?: string;
  attachmentIds?: string[];
  note?: string;
}

const REQUEST_OF: Partial<Record<CaseAction, string>> = {
  approve_extension: 'request_extension',
  deny_extension: 'request_extension',
  approve_return: 'request_return',
  deny_return: 'request_return',
  approve_hang: 'request_hang',
  deny_hang: 'request_hang',
};

/**
 * The form of one workflow action with the fields it requires; submits it with the case's
 * version. Errors stay in the form (field by field when the server names the field) and
 * nothing typed is lost; a version conflict reloads the case and keeps the form open.
 */
export function CaseActionModal({
  kase,
  action,
  events = [],
  onClose,
  onDone,
  onReload,
  initialValues,
}: CaseActionModalProps) {
  const t = useT(casesMessages);
  const labels = useLabels();
  const { errorText, fieldErrors } = useApiErrors();
  const { message } = App.useApp();
  const [form] = Form.useForm<ActionFormValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const spec = action ? actionForm(action, kase.state) : null;
  const matterCode = Form.useWatch('matterCode', form);
  const [condition, setCondition] = useState<MatterCondition | undefined>(undefined);
  const conditionLimit = condition?.limits[kase.location.areaClass as 'A' | 'B' | 'C'];
  // Registering: what the handling deadline would be if the case were dispatched now.
  const preview = useResource(
    (signal) =>
      action === 'register' && conditionLimit
        ? clockApi.deadline(
            new Date().toISOString(),
            conditionLimit.amount,
            conditionLimit.unit,
            signal,
          )
        : Promise.resolve(null),
    [action, conditionLimit?.amount, conditionLimit?.unit],
  );

  const needsPhotoRule = spec?.fields.some((f) => f.required === 'photoRule') ?? false;
  const caseMatter = kase.matter?.code;
  const conditions = useResource(
    () =>
      needsPhotoRule && caseMatter
        ? cached(`catalog.conditions.${caseMatter}`, () => catalogApi.conditions(caseMatter))
        : Promise.resolve([]),
    [needsPhotoRule, caseMatter],
  );
  // As the server: a photo is needed unless the case's condition says otherwise.
  const photoRequired =
    conditions.data?.find((c) => c.id === kase.matter?.conditionId)?.photoRequired ?? true;

  const request = useMemo(() => {
    const kind = action ? REQUEST_OF[action] : undefined;
    return kind ? [...events].reverse().find((e) => e.action === kind) : undefined;
  }, [action, events]);

  // Fresh form for each opening, with what can be prefilled.
  useEffect(() => {
    if (!action) {
      return;
    }
    form.resetFields();
    setError(null);
    const requested =
      typeof request?.payload.deadline === 'string' ? request.payload.deadline : null;
    form.setFieldsValue({
      targetUnitId: action === 'dispatch' ? (kase.routing?.proposedUnitId ?? undefined) : undefined,
      matterCode: action === 'register' ? kase.matter?.code : undefined,
      conditionId: action === 'register' ? (kase.matter?.conditionId ?? undefined) : undefined,
      // Shown as the city's wall time, whatever the browser's zone.
      deadline:
        action === 'approve_extension' && requested ? dayjs(formatTime(requested)) : undefined,
      verifyResult: action === 'verify' && kase.state === 'verifying' ? true : undefined,
      ...initialValues,
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reset only when (re)opened
  }, [action, kase.id]);

  if (!action || !spec) {
    return null;
  }
  const has = (f: ActionField) => spec.fields.some((x) => x.field === f);
  const isRequired = (f: ActionField) => {
    const s = spec.fields.find((x) => x.field === f);
    return s?.required === 'photoRule' ? photoRequired : Boolean(s?.required);
  };
  const title = labels.action(action);

  const handleSubmit = async () => {
    let v: ActionFormValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const body: ActionBody = { action, version: kase.version };
    if (has('verifyResult') && kase.state === 'verifying') {
      body.verifyResult = v.verifyResult;
    }
    if (has('matter')) {
      body.matterCode = v.matterCode;
    }
    if (has('condition')) {
      body.conditionId = v.conditionId;
    }
    if (has('reason') && v.reason?.trim()) {
      body.reason = v.reason.trim();
    }
    if (has('voidReason')) {
      body.voidReason = v.voidReason;
    }
    if (has('parentCase')) {
      body.parentCaseId = v.parentCaseId;
    }
    if (has('targetUnit')) {
      body.targetUnitId = v.targetUnitId;
    }
    if (has('deadline') && v.deadline) {
      body.deadline = pickedInstant(v.deadline);
    }
    if (has('disposalMode')) {
      body.disposalMode = v.disposalMode;
    }
    if (has('description') && v.description?.trim()) {
      body.description = v.description.trim();
    }
    if (has('photos') && v.attachmentIds?.length) {
      body.attachmentIds = v.attachmentIds;
    }
    if (v.note?.trim()) {
      body.note = v.note.trim();
    }
    setBusy(true);
    setError(null);
    try {
      const updated = await casesApi.act(kase.id, body);
      void message.success(t('actions.done', { action: title, number: kase.number }));
      onDone(updated);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'CASE_VERSION_CONFLICT') {
        setError(t('actions.conflict'));
        onReload();
      } else {
        setError(errorText(err));
        form.setFields(fieldErrors(err) as Parameters<typeof form.setFields>[0]);
        if (err instanceof ApiError && err.code === 'CASE_ACTION_NOT_ALLOWED') {
          onReload();
        }
      }
    } finally {
      setBusy(false);
    }
  };

  const requested = typeof request?.payload.deadline === 'string' ? request.payload.deadline : null;
  const requestReason = typeof request?.payload.reason === 'string' ? request.payload.reason : null;

  return (
    <Modal
      open
      title={`${title} · ${kase.number}`}
      okText={title}
      okButtonProps={{ danger: spec.danger, loading: busy, 'data-testid': 'action-submit' }}
      onOk={() => void handleSubmit()}
      onCancel={onClose}
      destroyOnHidden
      maskClosable={false}
      width={560}
    >
      <div data-testid="action-modal" data-action={action}>
        {error ? (
          <Alert
            type="error"
            showIcon
            title={error}
            style={{ marginBottom: 12 }}
            data-testid="action-error"
          />
        ) : null}
        {requestReason || requested ? (
          <Alert
            type="info"
            style={{ marginBottom: 12 }}
            title={
              <>
                {requestReason ? (
                  <div>{t('actions.lastRequest', { reason: requestReason })}</div>
                ) : null}
                {requested ? (
                  <div>{t('actions.requestedDeadline', { time: formatTime(requested) })}</div>
                ) : null}
              </>
            }
          />
        ) : null}
        {action === 'dispatch' ? (
          <div style={{ marginBottom: 12 }}>
            <Typography.Text type="secondary" style={{ display: 'block' }}>
              {t('field.proposedUnit')}
            </Typography.Text>
            <RoutingReason kase={kase} />
          </div>
        ) : null}
        <Form<ActionFormValues> form={form} layout="vertical" requiredMark>
          {has('verifyResult') && kase.state === 'verifying' ? (
            <Form.Item
              name="verifyResult"
              label={t('form.verifyResult')}
              rules={[{ required: true, message: t('form.verifyResult') }]}
            >
              <Radio.Group
                options={[
                  { value: true, label: t('form.verifyExists') },
                  { value: false, label: t('form.verifyNotFound') },
                ]}
              />
            </Form.Item>
          ) : null}
          {has('matter') ? (
            <Form.Item
              name="matterCode"
              label={t('field.matter')}
              rules={[{ required: isRequired('matter'), message: t('form.matterRequired') }]}
            >
              <MatterPicker
                testId="field-matter"
                onChange={(code) => {
                  form.setFieldsValue({ matterCode: code, conditionId: undefined });
                }}
              />
            </Form.Item>
          ) : null}
          {has('condition') ? (
            <Form.Item
              name="conditionId"
              label={t('field.condition')}
              rules={[{ required: isRequired('condition'), message: t('form.conditionRequired') }]}
            >
              <ConditionPicker
                testId="field-condition"
                matterCode={matterCode}
                areaClass={kase.location.areaClass}
                onPicked={setCondition}
              />
            </Form.Item>
          ) : null}
          {has('condition') && preview.data && conditionLimit ? (
            <Alert
              type="info"
              showIcon
              style={{ marginTop: -8, marginBottom: 16 }}
              data-testid="deadline-preview"
              title={t('condition.deadline', {
                time: formatTime(preview.data.deadline),
                limit: labels.limit(conditionLimit),
              })}
            />
          ) : null}
          {has('targetUnit') ? (
            <Form.Item
              name="targetUnitId"
              label={t('form.targetUnit')}
              rules={[
                { required: isRequired('targetUnit'), message: t('form.targetUnitRequired') },
              ]}
            >
              <UnitSelect
                testId="field-unit"
                allowClear
                proposedUnitId={kase.routing?.proposedUnitId}
              />
            </Form.Item>
          ) : null}
          {has('parentCase') ? (
            <Form.Item
              name="parentCaseId"
              label={t('field.parentCase')}
              rules={[{ required: isRequired('parentCase'), message: t('form.parentRequired') }]}
            >
              <ParentCasePicker
                testId="field-parent"
                caseId={kase.id}
                duplicates={kase.duplicates}
              />
            </Form.Item>
          ) : null}
          {has('voidReason') ? (
            <Form.Item
              name="voidReason"
              label={t('field.voidReason')}
              rules={[
                { required: isRequired('voidReason'), message: t('form.voidReasonRequired') },
              ]}
            >
              <Radio.Group
                data-testid="field-void-reason"
                options={SELECTABLE_VOID_REASONS.map((r) => ({
                  value: r,
                  label: labels.voidReason(r),
                }))}
              />
            </Form.Item>
          ) : null}
          {has('disposalMode') ? (
            <Form.Item
              name="disposalMode"
              label={t('field.disposalMode')}
              rules={[
                { required: isRequired('disposalMode'), message: t('form.disposalRequired') },
              ]}
            >
              <Radio.Group
                data-testid="field-disposal"
                optionType="button"
                options={DISPOSAL_MODES.map((m) => ({ value: m, label: labels.disposal(m) }))}
              />
            </Form.Item>
          ) : null}
          {has('description') ? (
            <Form.Item
              name="description"
              label={t('form.description')}
              rules={[
                {
                  required: isRequired('description'),
                  whitespace: true,
                  message: t('form.descriptionRequired'),
                },
                { max: 2000 },
              ]}
            >
              <Input.TextArea rows={3} maxLength={2000} showCount data-testid="field-description" />
            </Form.Item>
          ) : null}
          {has('deadline') ? (
            <Form.Item
              name="deadline"
              label={t('form.deadline')}
              rules={[
                { required: isRequired('deadline'), message: t('form.deadlineRequired') },
                {
                  validator: (_, v: Dayjs | undefined) =>
                    !v || Date.parse(pickedInstant(v)) > Date.now()
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('form.deadlinePast'))),
                },
              ]}
            >
              <DatePicker
                showTime={{ format: 'HH:mm' }}
                format="YYYY-MM-DD HH:mm"
                style={{ width: '100%' }}
                data-testid="field-deadline"
              />
            </Form.Item>
          ) : null}
          {has('reason') ? (
            <Form.Item
              name="reason"
              label={t('form.reason')}
              rules={[
                {
                  required: isRequired('reason'),
                  whitespace: true,
                  message: t('form.reasonRequired'),
                },
                { max: 2000 },
              ]}
            >
              <Input.TextArea rows={3} maxLength={2000} showCount data-testid="field-reason" />
            </Form.Item>
          ) : null}
          {has('photos') ? (
            <Form.Item
              name="attachmentIds"
              label={t('form.photos')}
              extra={t('form.photosHint')}
              rules={[
                {
                  required: isRequired('photos'),
                  type: 'array',
                  min: 1,
                  message: t('form.photosRequired'),
                },
              ]}
            >
              <PhotoUpload testId="field-photos" />
            </Form.Item>
          ) : null}
          {has('note') ? (
            <Form.Item name="note" label={t('form.note')} rules={[{ max: 2000 }]}>
              <Input.TextArea rows={2} maxLength={2000} data-testid="field-note" />
            </Form.Item>
          ) : null}
        </Form>
      </div>
    </Modal>
  );
}

/** A date and time picked in the console, read as the city's wall time. */
function pickedInstant(v: Dayjs): string {
  return cityInstant(v.format('YYYY-MM-DD'), v.format('HH:mm'));
}
