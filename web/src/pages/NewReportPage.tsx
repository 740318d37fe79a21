import { Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useT } from '../modules/i18n/hooks/useT';
import { NewReportForm } from '../modules/intake/components/NewReportForm';
import { intakeMessages } from '../modules/intake/intake.messages';

/** A hotline call filed as a new case; afterwards the clerk sees it on the intake desk. */
export function NewReportPage() {
  const t = useT(intakeMessages);
  const navigate = useNavigate();
  return (
    <div>
      <Typography.Paragraph type="secondary">{t('new.subtitle')}</Typography.Paragraph>
      <NewReportForm onCreated={(c) => void navigate(`/intake?case=${encodeURIComponent(c.id)}`)} />
    </div>
  );
}
