import { Tag } from 'antd';
import { GRADE_COLOR } from '../utils/grades';

/** A grade A–E as a coloured tag, or a dash when there is none (console and portal alike). */
export function GradeTag({ grade }: { grade: string | null | undefined }) {
  return grade ? (
    <Tag color={GRADE_COLOR[grade]} style={{ marginInlineEnd: 0, fontWeight: 600 }}>
      {grade}
    </Tag>
  ) : (
    <span>—</span>
  );
}
