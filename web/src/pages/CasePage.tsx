import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Result, Row, Skeleton, Space, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../api/http';
import { CaseActionBar } from '../modules/cases/components/CaseActionBar';
import { CaseDeadlines } from '../modules/cases/components/CaseDeadlines';
import { CaseMap } from '../modules/cases/components/CaseMap';
import { CasePhotos } from '../modules/cases/components/CasePhotos';
import { CaseStateTag } from '../modules/cases/components/CaseStateTag';
import { CaseSummary } from '../modules/cases/components/CaseSummary';
import { CaseTimeline } from '../modules/cases/components/CaseTimeline';
import { DuplicateList } from '../modules/cases/components/DuplicateList';
import { PendingRequest } from '../modules/cases/components/PendingRequest';
import { TrafficLight } from '../modules/cases/components/TrafficLight';
import { casesMessages } from '../modules/cases/cases.messages';
import { useCase } from '../modules/cases/hooks/useCase';
import { coreMessages } from '../modules/core/core.messages';
import { useApiErrors } from '../modules/core/hooks/useApiErrors';
import { useT } from '../modules/i18n/hooks/useT';

/**
 * One case: what and where (map with its grid), photos before and after, deadlines per stage,
 * the whole history, and the actions the user may take now (supervise and remind included).
 */
export function CasePage() {
  const { id } = useParams();
  const t = useT(casesMessages);
  const tc = useT(coreMessages);
  const navigate = useNavigate();
  const { errorText } = useApiErrors();
  const c = useCase(id);

  if (c.error && !c.kase) {
    const notFound = c.error instanceof ApiError && c.error.code === 'CASE_NOT_FOUND';
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={errorText(c.error)}
        extra={
          <Button onClick={() => void navigate(-1)} icon={<ArrowLeftOutlined />}>
            {tc('common.back')}
          </Button>
        }
      />
    );
  }
  if (!c.kase) {
    return <Skeleton active paragraph={{ rows: 12 }} />;
  }
  const kase = c.kase;
  return (
    <Flex vertical gap={12} data-testid="case-page" data-case-number={kase.number}>
      <Card size="small">
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Space size={8} wrap>
            <Button
              type="text"
              icon={<ArrowLeftOutlined />}
              onClick={() => void navigate(-1)}
              aria-label={tc('common.back')}
            />
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="case-number">
              {kase.number}
            </Typography.Title>
            <CaseStateTag state={kase.state} />
            <TrafficLight kase={kase} />
          </Space>
          <Button icon={<ReloadOutlined />} onClick={c.reload} loading={c.loading}>
            {tc('common.reload')}
          </Button>
        </Flex>
        <div style={{ marginTop: 12 }}>
          <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 6 }}>
            {t('section.actions')}
          </Typography.Text>
          <CaseActionBar
            kase={kase}
            events={c.events}
            onChanged={c.applyUpdate}
            onReload={c.reload}
          />
        </div>
      </Card>
      {c.error ? <Alert type="warning" showIcon title={errorText(c.error)} /> : null}
      <PendingRequest kase={kase} events={c.events} />
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={14}>
          <Flex vertical gap={12}>
            <Card size="small" title={t('section.summary')}>
              <CaseSummary kase={kase} />
            </Card>
            <Card size="small" title={t('section.deadlines')}>
              <CaseDeadlines kase={kase} stages={c.stages} />
            </Card>
            <Card size="small" title={t('section.photos')}>
              <CasePhotos events={c.events} />
            </Card>
            {kase.duplicates && kase.duplicates.length > 0 ? (
              <Card size="small" title={t('section.duplicates')}>
                <DuplicateList
                  kase={kase}
                  events={c.events}
                  onChanged={c.applyUpdate}
                  onReload={c.reload}
                />
              </Card>
            ) : null}
          </Flex>
        </Col>
        <Col xs={24} xl={10}>
          <Flex vertical gap={12}>
            <Card size="small" title={t('section.map')} styles={{ body: { padding: 8 } }}>
              <CaseMap kase={kase} height={360} />
            </Card>
            <Card size="small" title={t('section.timeline')}>
              <CaseTimeline events={c.events} />
            </Card>
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}
