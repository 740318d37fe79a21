import {
  FileAddOutlined,
  InboxOutlined,
  SearchOutlined,
  SendOutlined,
  SolutionOutlined,
} from '@ant-design/icons';
import { msg } from '../modules/i18n/utils/messages';
import type { ConsoleRoute } from '../modules/shell/utils/consoleRoute';
import { shellMessages } from '../modules/shell/shell.messages';

/**
 * The route registry: every page of the console, who may open it, its menu entry and the
 * roles it is the landing page of. Each page is loaded on first visit (its own chunk).
 *
 * To add a workspace: write the page in src/pages, add one entry here (title from your
 * feature's dictionary with `msg(...)`), and it appears in the menu of the roles you name.
 * `layout: 'fullscreen'` gives a signed-in page without the frame (big screens), `'public'`
 * a page without a session (the public portal).
 */
export const CONSOLE_ROUTES: readonly ConsoleRoute[] = [
  {
    id: 'intake',
    path: '/intake',
    layout: 'console',
    roles: ['intake_clerk', 'shift_leader'],
    home: ['intake_clerk', 'shift_leader'],
    title: msg(shellMessages, 'nav.intake'),
    nav: { icon: <SolutionOutlined />, order: 10 },
    load: () => import('../pages/IntakePage').then((m) => m.IntakePage),
  },
  {
    id: 'new-report',
    path: '/intake/new',
    layout: 'console',
    roles: ['intake_clerk', 'shift_leader'],
    title: msg(shellMessages, 'nav.newReport'),
    nav: { icon: <FileAddOutlined />, order: 11 },
    load: () => import('../pages/NewReportPage').then((m) => m.NewReportPage),
  },
  {
    id: 'dispatch',
    path: '/dispatch',
    layout: 'console',
    roles: ['dispatcher'],
    home: ['dispatcher'],
    title: msg(shellMessages, 'nav.dispatch'),
    nav: { icon: <SendOutlined />, order: 20 },
    load: () => import('../pages/DispatchPage').then((m) => m.DispatchPage),
  },
  {
    id: 'inbox',
    path: '/inbox',
    layout: 'console',
    roles: ['unit_staff', 'unit_leader'],
    home: ['unit_staff', 'unit_leader'],
    title: msg(shellMessages, 'nav.inbox'),
    nav: { icon: <InboxOutlined />, order: 30 },
    load: () => import('../pages/UnitInboxPage').then((m) => m.UnitInboxPage),
  },
  {
    id: 'cases',
    path: '/cases',
    layout: 'console',
    roles: 'any',
    title: msg(shellMessages, 'nav.cases'),
    nav: { icon: <SearchOutlined />, order: 90 },
    load: () => import('../pages/CaseListPage').then((m) => m.CaseListPage),
  },
  {
    id: 'case',
    path: '/cases/:id',
    layout: 'console',
    roles: 'any',
    title: msg(shellMessages, 'nav.case'),
    load: () => import('../pages/CasePage').then((m) => m.CasePage),
  },
];
