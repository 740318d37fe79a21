import { defineMessages } from '../i18n/utils/messages';

export const unitInboxMessages = defineMessages(
  {
    'tab.toAcknowledge': '待签收',
    'tab.handling': '处置中',
    'tab.checking': '待核查',
    'summary.title': '时限概览',
    'summary.open': '在办 {n} 件',
    'summary.overdue': '超时 {n} 件',
    'summary.rework': '返工',
  },
  {
    'tab.toAcknowledge': 'To acknowledge',
    'tab.handling': 'Handling',
    'tab.checking': 'Awaiting check',
    'summary.title': 'Deadlines at a glance',
    'summary.open': '{n} open',
    'summary.overdue': '{n} overdue',
    'summary.rework': 'Rework',
  },
);
