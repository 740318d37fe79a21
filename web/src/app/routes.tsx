import {
  ApiOutlined,
  ApartmentOutlined,
  BranchesOutlined,
  CalendarOutlined,
  ClockCircleOutlined,
  DashboardOutlined,
  FundOutlined,
  GlobalOutlined,
  TeamOutlined,
  FileAddOutlined,
  CloudUploadOutlined,
  InboxOutlined,
  SearchOutlined,
  SendOutlined,
  SolutionOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { msg } from '../modules/i18n/utils/messages';
import type { ConsoleRoute } from '../modules/shell/utils/consoleRoute';
import { shellMessages } from '../modules/shell/shell.messages';
import { adminMessages } from '../modules/admin/admin.messages';
import { commandCentreMessages } from '../modules/command-centre/command-centre.messages';
import { inspectorMessages } from '../modules/inspector/inspector.messages';
import { evaluationMessages } from '../modules/evaluation/evaluation.messages';
import { importsMessages } from '../modules/imports/imports.messages';
import { portalMessages } from '../modules/portal/portal.messages';

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
    id: 'imports',
    path: '/imports',
    layout: 'console',
    roles: ['intake_clerk', 'shift_leader'],
    title: msg(importsMessages, 'nav'),
    nav: { icon: <CloudUploadOutlined />, order: 12 },
    load: () => import('../pages/ImportsPage').then((m) => m.ImportsPage),
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
  {
    id: 'command',
    path: '/command',
    layout: 'fullscreen',
    roles: ['bureau_leader', 'shift_leader', 'dispatcher', 'street_chief', 'admin'],
    home: ['bureau_leader', 'street_chief'],
    title: msg(commandCentreMessages, 'nav'),
    nav: { icon: <DashboardOutlined />, order: 5 },
    load: () => import('../pages/CommandCentrePage').then((m) => m.CommandCentrePage),
  },
  {
    id: 'evaluation',
    path: '/evaluation',
    layout: 'console',
    roles: ['bureau_leader', 'shift_leader', 'street_chief', 'unit_leader', 'dispatcher', 'admin'],
    title: msg(evaluationMessages, 'nav'),
    nav: { icon: <TrophyOutlined />, order: 6 },
    load: () => import('../pages/EvaluationPage').then((m) => m.EvaluationPage),
  },
  {
    // Public layout on purpose: the app checks the session itself so that it can open offline
    // (installed PWA) with the phone's last inspector and queue reports.
    id: 'inspector',
    path: '/inspector',
    layout: 'public',
    roles: ['inspector'],
    home: ['inspector'],
    title: msg(inspectorMessages, 'app.nav'),
    load: () => import('../pages/InspectorPage').then((m) => m.InspectorPage),
  },
  {
    id: 'portal',
    path: '/portal',
    layout: 'public',
    roles: 'any',
    title: msg(portalMessages, 'portal.title'),
    load: () => import('../pages/PortalPage').then((m) => m.PortalPage),
  },
  {
    id: 'portal-track',
    path: '/portal/track/:trackingNumber',
    layout: 'public',
    roles: 'any',
    title: msg(portalMessages, 'track.title'),
    load: () => import('../pages/PortalTrackPage').then((m) => m.PortalTrackPage),
  },
  {
    id: 'admin-users',
    path: '/admin/users',
    layout: 'console',
    roles: ['admin'],
    home: ['admin'],
    title: msg(adminMessages, 'nav.users'),
    nav: { icon: <TeamOutlined />, order: 100 },
    load: () => import('../pages/AdminUsersPage').then((m) => m.AdminUsersPage),
  },
  {
    id: 'admin-units',
    path: '/admin/units',
    layout: 'console',
    roles: ['admin'],
    title: msg(adminMessages, 'nav.units'),
    nav: { icon: <ApartmentOutlined />, order: 101 },
    load: () => import('../pages/AdminUnitsPage').then((m) => m.AdminUnitsPage),
  },
  {
    id: 'admin-space',
    path: '/admin/space',
    layout: 'console',
    roles: ['admin'],
    title: msg(adminMessages, 'nav.space'),
    nav: { icon: <GlobalOutlined />, order: 102 },
    load: () => import('../pages/AdminSpacePage').then((m) => m.AdminSpacePage),
  },
  {
    id: 'admin-routing',
    path: '/admin/routing',
    layout: 'console',
    roles: ['admin'],
    title: msg(adminMessages, 'nav.routing'),
    nav: { icon: <BranchesOutlined />, order: 103 },
    load: () => import('../pages/AdminRoutingPage').then((m) => m.AdminRoutingPage),
  },
  {
    id: 'admin-limits',
    path: '/admin/limits',
    layout: 'console',
    roles: ['admin'],
    title: msg(adminMessages, 'nav.limits'),
    nav: { icon: <ClockCircleOutlined />, order: 104 },
    load: () => import('../pages/AdminLimitsPage').then((m) => m.AdminLimitsPage),
  },
  {
    id: 'admin-calendar',
    path: '/admin/calendar',
    layout: 'console',
    roles: ['admin'],
    title: msg(adminMessages, 'nav.calendar'),
    nav: { icon: <CalendarOutlined />, order: 105 },
    load: () => import('../pages/AdminCalendarPage').then((m) => m.AdminCalendarPage),
  },
  {
    id: 'admin-evaluation',
    path: '/admin/evaluation',
    layout: 'console',
    roles: ['admin'],
    title: msg(adminMessages, 'nav.evaluation'),
    nav: { icon: <FundOutlined />, order: 106 },
    load: () => import('../pages/AdminEvaluationPage').then((m) => m.AdminEvaluationPage),
  },
  {
    id: 'admin-open311',
    path: '/admin/open311',
    layout: 'console',
    roles: ['admin'],
    title: msg(adminMessages, 'nav.open311'),
    nav: { icon: <ApiOutlined />, order: 107 },
    load: () => import('../pages/AdminOpen311Page').then((m) => m.AdminOpen311Page),
  },
];
