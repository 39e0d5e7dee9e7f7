import { describe, expect, it } from 'vitest';
import { clickRow } from '@/features/tickets/hooks/use-row-selection';

const ORDER = [11, 12, 13, 14, 15];

describe('row selection', () => {
  it('flips only the clicked row without shift', () => {
    expect([...clickRow(ORDER, new Set([11]), 11, 14, false)]).toEqual([11, 14]);
    expect([...clickRow(ORDER, new Set([11, 14]), 11, 14, false)]).toEqual([11]);
  });

  it('selects every row from the last clicked one to a shift-clicked one, either direction', () => {
    expect([...clickRow(ORDER, new Set([12]), 12, 14, true)].sort()).toEqual([12, 13, 14]);
    expect([...clickRow(ORDER, new Set([15]), 15, 12, true)].sort()).toEqual([12, 13, 14, 15]);
  });

  it('clears the range when the shift-clicked row was selected', () => {
    expect([...clickRow(ORDER, new Set([11, 12, 13, 14]), 11, 13, true)]).toEqual([14]);
  });

  it('falls back to one row when the anchor left the page', () => {
    expect([...clickRow(ORDER, new Set(), 99, 13, true)]).toEqual([13]);
  });
});
