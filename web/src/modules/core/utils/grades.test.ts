import { describe, expect, it } from 'vitest';
import { formatScore } from './grades';

describe(formatScore.name, () => {
  it('shows one decimal and never rounds up across a grade threshold', () => {
    expect(formatScore(90)).toBe('90.0');
    expect(formatScore(89.95)).toBe('89.9');
    expect(formatScore(75.04)).toBe('75.0');
    expect(formatScore(57.3)).toBe('57.3');
    expect(formatScore(0)).toBe('0.0');
    expect(formatScore(null)).toBe('—');
  });
});
