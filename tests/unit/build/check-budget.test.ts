import { describe, expect, it } from 'vitest';
import { BUDGET_BYTES, REVIEW_TARGET_BYTES, budgetLines } from '../../../build/check-budget';

describe('check:budget output', () => {
  it('keeps the design’s 45,000 B budget and the review’s 40,000 B target', () => {
    expect(BUDGET_BYTES).toBe(45_000);
    expect(REVIEW_TARGET_BYTES).toBe(40_000);
  });

  it('under the target: the margin, no warning', () => {
    expect(budgetLines('chrome-mv3', 39_512, 110_000)).toEqual([
      "chrome-mv3: content script 39,512 B gzip (110,000 B raw), budget 45,000 B: ok; 488 B under the review's 40,000 B target",
    ]);
  });

  it('over the target but within the budget: how far over, and a warning line', () => {
    const lines = budgetLines('firefox-mv3', 40_118, 115_220);
    expect(lines[0]).toBe("firefox-mv3: content script 40,118 B gzip (115,220 B raw), budget 45,000 B: ok; 118 B over the review's 40,000 B target");
    expect(lines[1]).toBe("WARNING: firefox-mv3 content script is 40,118 B gzip, 118 B over the review's 40,000 B target");
  });

  it('over the budget: says so (main() then exits non-zero)', () => {
    expect(budgetLines('chrome-mv3', 45_001, 1)[0]).toContain('budget 45,000 B: OVER BUDGET; 5,001 B over');
  });
});
