import { defineMessages } from '../i18n/utils/messages';

export const dispatchMessages = defineMessages(
  {
    'tab.toDispatch': '待派遣',
    'tab.requests': '待审批申请',
    'tab.hung': '已挂账',
    'col.proposed': '建议单位及依据',
    'col.request': '申请',
    'col.unit': '处置单位',
    'panel.routing': '派遣建议',
    'request.extension_requested': '延期申请',
    'request.return_requested': '回退申请',
    'request.hang_requested': '挂账申请',
  },
  {
    'tab.toDispatch': 'To dispatch',
    'tab.requests': 'Requests to decide',
    'tab.hung': 'Hung',
    'col.proposed': 'Proposed unit and why',
    'col.request': 'Request',
    'col.unit': 'Handling unit',
    'panel.routing': 'Routing proposal',
    'request.extension_requested': 'Extension',
    'request.return_requested': 'Return',
    'request.hang_requested': 'Hang',
  },
);
