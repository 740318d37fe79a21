/** Colours of the command centre's dark big screen. */
export const BIG = {
  bg: '#071326',
  panel: 'rgba(13, 34, 64, 0.92)',
  border: '#1c3b63',
  accent: '#36cfc9',
  text: '#e6f0ff',
  muted: '#8da2c0',
  grid: '#1c3b63',
  light: { red: '#ff4d4f', yellow: '#faad14', green: '#52c41a', none: '#8c9bb0' },
} as const;
