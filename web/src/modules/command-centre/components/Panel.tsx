import type { CSSProperties, ReactNode } from 'react';
import { BIG } from './theme';

export interface PanelProps {
  title: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
  style?: CSSProperties;
  bodyStyle?: CSSProperties;
  testId?: string;
}

/** A framed block of the big screen: a title bar and a body that fills the rest. */
export function Panel({ title, extra, children, style, bodyStyle, testId }: PanelProps) {
  return (
    <section
      data-testid={testId}
      style={{
        background: BIG.panel,
        border: `1px solid ${BIG.border}`,
        borderRadius: 8,
        display: 'flex',
        flexDirection: 'column',
        minHeight: 0,
        minWidth: 0,
        boxShadow: 'inset 0 0 24px rgba(54, 207, 201, 0.06)',
        ...style,
      }}
    >
      <header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 8,
          padding: '8px 14px',
          borderBottom: `1px solid ${BIG.border}`,
          color: BIG.text,
          fontSize: 15,
          fontWeight: 600,
          letterSpacing: 1,
        }}
      >
        <span style={{ width: 4, height: 14, background: BIG.accent, borderRadius: 2 }} />
        <span
          style={{
            flex: 1,
            minWidth: 0,
            whiteSpace: 'nowrap',
            overflow: 'hidden',
            textOverflow: 'ellipsis',
          }}
        >
          {title}
        </span>
        {extra}
      </header>
      <div style={{ flex: 1, minHeight: 0, padding: 10, position: 'relative', ...bodyStyle }}>
        {children}
      </div>
    </section>
  );
}
