import { CASE_SOURCES, CASE_STATES, type CaseSource, type CaseState } from '@common/workflow';
import { Button, Col, DatePicker, Form, Input, Row, Select, Space, TreeSelect } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import type { CaseListQuery, RegionNode } from '../../../api/types';
import { MatterPicker } from '../../cases/components/MatterPicker';
import { cityInstant, cityWallTime } from '../../core/utils/time';
import { UnitSelect } from '../../cases/components/UnitSelect';
import { useLabels } from '../../i18n/hooks/useLabels';
import { useT } from '../../i18n/hooks/useT';
import { useRegionTree } from '../../reference/hooks/useRegionTree';
import { caseListMessages } from '../case-list.messages';

interface FilterValues {
  state?: CaseState[];
  matter?: string;
  regionId?: string;
  unitId?: string;
  source?: CaseSource;
  overdue?: 'true' | 'false';
  dates?: [Dayjs | null, Dayjs | null] | null;
  q?: string;
}

export interface CaseFiltersProps {
  value: CaseListQuery;
  onSearch: (q: CaseListQuery) => void;
}

interface TreeOption {
  value: string;
  title: string;
  children: TreeOption[];
}

const toTree = (nodes: readonly RegionNode[]): TreeOption[] =>
  nodes.map((n) => ({ value: n.id, title: n.name, children: toTree(n.children) }));

/** The search form: state, matter, area, unit, source, overdue, dates and free text. */
export function CaseFilters({ value, onSearch }: CaseFiltersProps) {
  const t = useT(caseListMessages);
  const labels = useLabels();
  const [form] = Form.useForm<FilterValues>();
  const { tree } = useRegionTree();
  const treeData = useMemo(() => toTree(tree), [tree]);
  const [more, setMore] = useState(
    Boolean(value.regionId || value.unitId || value.source || value.from || value.to),
  );

  // The URL is the truth: follow it (back button, saved searches).
  useEffect(() => {
    form.setFieldsValue({
      state: value.state ? [...value.state] : undefined,
      matter: value.matter,
      regionId: value.regionId,
      unitId: value.unitId,
      source: value.source,
      overdue: value.overdue === undefined ? undefined : value.overdue ? 'true' : 'false',
      dates:
        value.from || value.to
          ? [
              value.from ? dayjs(cityWallTime(value.from).date) : null,
              value.to ? dayjs(cityWallTime(value.to).date) : null,
            ]
          : null,
      q: value.q,
    });
  }, [value, form]);

  const handleFinish = (v: FilterValues) => {
    onSearch({
      state: v.state?.length ? v.state : undefined,
      matter: v.matter || undefined,
      regionId: v.regionId || undefined,
      unitId: v.unitId || undefined,
      source: v.source || undefined,
      overdue: v.overdue === undefined ? undefined : v.overdue === 'true',
      // Whole days of the city, whatever the browser's zone.
      from: v.dates?.[0] ? cityInstant(v.dates[0].format('YYYY-MM-DD')) : undefined,
      to: v.dates?.[1] ? cityInstant(v.dates[1].format('YYYY-MM-DD'), '23:59:59.999') : undefined,
      q: v.q?.trim() || undefined,
      sort: value.sort,
      order: value.order,
    });
  };

  return (
    <Form<FilterValues>
      form={form}
      layout="vertical"
      onFinish={handleFinish}
      data-testid="case-filters"
    >
      <Row gutter={12}>
        <Col xs={24} md={12} xl={6}>
          <Form.Item name="q" label={t('filter.q')}>
            <Input
              allowClear
              placeholder={t('filter.qPlaceholder')}
              data-testid="filter-q"
              maxLength={100}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Form.Item name="state" label={t('filter.state')}>
            <Select
              mode="multiple"
              allowClear
              maxTagCount="responsive"
              data-testid="filter-state"
              options={CASE_STATES.map((s) => ({ value: s, label: labels.state(s) }))}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Form.Item name="matter" label={t('filter.matter')}>
            <MatterPicker allowMajors testId="filter-matter" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Form.Item name="overdue" label={t('filter.overdue')}>
            <Select
              allowClear
              data-testid="filter-overdue"
              options={[
                { value: 'true', label: t('filter.overdueYes') },
                { value: 'false', label: t('filter.overdueNo') },
              ]}
            />
          </Form.Item>
        </Col>
        {more ? (
          <>
            <Col xs={24} md={12} xl={6}>
              <Form.Item name="regionId" label={t('filter.region')}>
                <TreeSelect
                  allowClear
                  treeData={treeData}
                  treeDefaultExpandAll={false}
                  showSearch={{ treeNodeFilterProp: 'title' }}
                  data-testid="filter-region"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={6}>
              <Form.Item name="unitId" label={t('filter.unit')}>
                <UnitSelect allowClear testId="filter-unit" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={6}>
              <Form.Item name="source" label={t('filter.source')}>
                <Select
                  allowClear
                  data-testid="filter-source"
                  options={CASE_SOURCES.map((s) => ({ value: s, label: labels.source(s) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={6}>
              <Form.Item name="dates" label={t('filter.dates')}>
                <DatePicker.RangePicker style={{ width: '100%' }} allowEmpty={[true, true]} />
              </Form.Item>
            </Col>
          </>
        ) : null}
      </Row>
      <Space wrap>
        <Button type="primary" htmlType="submit" data-testid="filter-search">
          {t('filter.search')}
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            onSearch({});
          }}
        >
          {t('filter.reset')}
        </Button>
        <Button type="link" onClick={() => setMore((m) => !m)}>
          {more ? t('filter.less') : t('filter.more')}
        </Button>
      </Space>
    </Form>
  );
}
