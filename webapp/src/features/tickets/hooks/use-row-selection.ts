import { useState } from 'react';

/**
 * The rows a bulk action will change: chosen numbers, or every ticket matching the list's filter
 * ("select all matching"). Shift-click extends from the last clicked row to this one.
 */
export type RowSelection = {
  selected: ReadonlySet<number>;
  allMatching: boolean;
  count: number;
  isSelected: (number: number) => boolean;
  toggle: (number: number, shiftKey: boolean) => void;
  /** The header checkbox: selects the page, or clears it when every row of it is selected. */
  togglePage: () => void;
  pageState: 'none' | 'some' | 'all';
  selectAllMatching: () => void;
  clear: () => void;
};

/**
 * The selection after clicking `target` in `order`: without a usable anchor only the clicked row
 * flips; with one, every row from the anchor to it takes the clicked row's new state.
 */
export const clickRow = (
  order: readonly number[],
  selected: ReadonlySet<number>,
  anchor: number | undefined,
  target: number,
  shiftKey: boolean,
): Set<number> => {
  const next = new Set(selected);
  const value = !selected.has(target);
  const from = anchor === undefined ? -1 : order.indexOf(anchor);
  const to = order.indexOf(target);
  const range = shiftKey && from >= 0 && to >= 0 ? order.slice(Math.min(from, to), Math.max(from, to) + 1) : [target];
  range.forEach((number) => (value ? next.add(number) : next.delete(number)));
  return next;
};

export const useRowSelection = (order: readonly number[]): RowSelection => {
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [anchor, setAnchor] = useState<number>();
  const [allMatching, setAllMatching] = useState(false);
  const onPage = order.filter((number) => selected.has(number)).length;
  const pageState = onPage === 0 ? 'none' : onPage === order.length ? 'all' : 'some';
  return {
    selected,
    allMatching,
    count: selected.size,
    isSelected: (number) => allMatching || selected.has(number),
    toggle: (number, shiftKey) => {
      setAllMatching(false);
      setSelected(clickRow(order, selected, anchor, number, shiftKey));
      setAnchor(number);
    },
    togglePage: () => {
      setAllMatching(false);
      const next = new Set(selected);
      order.forEach((number) => (pageState === 'all' ? next.delete(number) : next.add(number)));
      setSelected(next);
    },
    pageState: allMatching ? 'all' : pageState,
    selectAllMatching: () => setAllMatching(true),
    clear: () => {
      setAllMatching(false);
      setSelected(new Set());
      setAnchor(undefined);
    },
  };
};
