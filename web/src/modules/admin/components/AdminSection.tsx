import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

export interface AdminSectionProps {
  title?: ReactNode;
  /** A line under the title: what the section is for. */
  intro?: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
  testId?: string;
}

/** One block of an admin page: a card with a title, a short explanation and tools. */
export function AdminSection({ title, intro, extra, children, testId }: AdminSectionProps) {
  return (
    <Card
      size="small"
      title={title}
      extra={extra}
      data-testid={testId}
      style={{ marginBottom: 12 }}
    >
      {intro ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {intro}
        </Typography.Paragraph>
      ) : null}
      <Flex vertical gap={12}>
        {children}
      </Flex>
    </Card>
  );
}
