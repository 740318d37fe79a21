import { defineMessages } from '../i18n/utils/messages';

export const sessionMessages = defineMessages(
  {
    'login.title': '登录',
    'login.subtitle': '城市运行管理服务平台',
    'login.username': '用户名',
    'login.password': '密码',
    'login.submit': '登录',
    'login.usernameRequired': '请输入用户名',
    'login.passwordRequired': '请输入密码',
    'login.expired': '登录已过期，请重新登录。登录后将回到您刚才的页面。',
    'login.signedOut': '您已安全退出。',
    'login.failed': '登录失败',
    'forbidden.title': '无权访问',
    'forbidden.text': '您的角色（{roles}）不能使用此页面。',
    'forbidden.home': '回到首页',
    'loading.session': '正在确认登录状态…',
    'unreachable.title': '无法连接服务器',
    'unreachable.text': '网络或服务器暂时不可用，您的登录状态未变。正在自动重试…',
    'unreachable.retry': '立即重试',
  },
  {
    'login.title': 'Sign in',
    'login.subtitle': 'City Operation Management Platform',
    'login.username': 'Username',
    'login.password': 'Password',
    'login.submit': 'Sign in',
    'login.usernameRequired': 'Enter your username',
    'login.passwordRequired': 'Enter your password',
    'login.expired':
      'Your session has expired. Sign in again and you will return to the page you were on.',
    'login.signedOut': 'You have signed out.',
    'login.failed': 'Sign-in failed',
    'forbidden.title': 'Not allowed',
    'forbidden.text': 'Your roles ({roles}) may not use this page.',
    'forbidden.home': 'Go to my home page',
    'loading.session': 'Checking your session…',
    'unreachable.title': 'Cannot reach the server',
    'unreachable.text':
      'The network or the server is unavailable for now; your session is unchanged. Retrying by itself…',
    'unreachable.retry': 'Retry now',
  },
);
