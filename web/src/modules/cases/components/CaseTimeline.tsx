import { Empty, Space, Tag, Timeline, Typography } from 'antd';
import type { CaseEvent } from '../../../api/types';
import { formatTime } from '../../core/utils/time';
import { useLabels } from '../../i18n/hooks/useLabels';
import { useT } from '../../i18n/hooks/useT';
import { useMatters } from '../../reference/hooks/useMatters';
import { useUnits } from '../../reference/hooks/useUnits';
import { casesMessages } from '../cases.messages';

export interface CaseTimelineProps {
  events: readonly CaseEvent[];
}

const COLOR: Record<string, string> = {
  report: 'blue',
  overdue: 'red',
  refuse: 'gray',
  void: 'gray',
  close: 'green',
  audit_pass: 'green',
  check_pass: 'green',
  check_fail: 'red',
  supervise: 'orange',
  remind: 'orange',
};

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);

/** Every event of a case, oldest first, with who did what and the details they gave. */
export function CaseTimeline({ events }: CaseTimelineProps) {
  const t = useT(casesMessages);
  const labels = useLabels();
  const units = useUnits();
  const matters = useMatters();
  if (events.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('timeline.empty')} />;
  }
  return (
    <Timeline
      data-testid="case-timeline"
      items={events.map((e) => {
        const p = e.payload;
        const details: string[] = [];
        const matter = str(p.matterCode);
        if (matter) {
          details.push(
            t('timeline.detail', { label: t('field.matter'), value: matters.label(matter) }),
          );
        }
        const unit = str(p.targetUnitId);
        if (unit) {
          details.push(t('timeline.detail', { label: t('field.unit'), value: units.name(unit) }));
        }
        const mode = str(p.disposalMode);
        if (mode) {
          details.push(
            t('timeline.detail', { label: t('field.disposalMode'), value: labels.disposal(mode) }),
          );
        }
        const vr = str(p.voidReason);
        if (vr) {
          details.push(
            t('timeline.detail', { label: t('field.voidReason'), value: labels.voidReason(vr) }),
          );
        }
        if (typeof p.verifyResult === 'boolean') {
          details.push(t(p.verifyResult ? 'form.verifyExists' : 'form.verifyNotFound'));
        }
        const deadline = str(p.deadline) ?? str(p.handleDeadline);
        if (deadline) {
          // An overdue mark names the deadline that passed; other events set a new one.
          const key = e.action === 'overdue' ? 'timeline.passedDeadline' : 'timeline.deadline';
          details.push(t(key, { time: formatTime(deadline) }));
        }
        const text = [str(p.description), str(p.reason), str(p.note)].filter(
          (x): x is string => Boolean(x) && x !== 'parent_closed',
        );
        return {
          key: e.id,
          color: COLOR[e.action] ?? 'blue',
          content: (
            <div data-testid="timeline-item" data-action={e.action}>
              <Space size={8} wrap>
                <Typography.Text strong>{labels.eventAction(e.action)}</Typography.Text>
                <Typography.Text type="secondary">{formatTime(e.at)}</Typography.Text>
                {e.fromState && e.fromState !== e.toState ? (
                  <Tag style={{ marginInlineEnd: 0 }}>
                    {t('timeline.move', {
                      from: labels.state(e.fromState),
                      to: labels.state(e.toState),
                    })}
                  </Tag>
                ) : null}
                {e.attachmentIds.length > 0 ? (
                  <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                    {t('timeline.photos', { n: e.attachmentIds.length })}
                  </Tag>
                ) : null}
              </Space>
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('timeline.by', { name: e.actor.name, role: labels.role(e.actor.role) })}
                </Typography.Text>
              </div>
              {details.map((d) => (
                <div key={d} style={{ fontSize: 13 }}>
                  {d}
                </div>
              ))}
              {text.map((x) => (
                <Typography.Paragraph key={x} style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                  {x}
                </Typography.Paragraph>
              ))}
            </div>
          ),
        };
      })}
    />
  );
}
