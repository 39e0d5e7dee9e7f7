import { useState } from 'react';
import { useShortcuts } from '@/hooks/use-shortcuts';

type Options<T extends { number: number }> = {
  rows: T[];
  open: (row: T) => void;
  search: () => void;
};

/**
 * j/k move a visible focus through the list's rows, Enter opens the focused one, / goes to the
 * search box. The focus follows the ticket, not the position, while the list refreshes.
 *
 * @returns the focused ticket's number, if any
 */
export const useListKeyboard = <T extends { number: number }>({ rows, open, search }: Options<T>) => {
  const [focused, setFocused] = useState<number | undefined>(undefined);
  const index = rows.findIndex((row) => row.number === focused);
  const move = (step: number) => {
    if (rows.length === 0) return;
    const next = index < 0 ? (step > 0 ? 0 : rows.length - 1) : Math.min(Math.max(index + step, 0), rows.length - 1);
    setFocused(rows[next].number);
  };
  useShortcuts({
    j: () => move(1),
    k: () => move(-1),
    Enter: () => {
      if (index >= 0) open(rows[index]);
    },
    '/': search,
  });
  return index >= 0 ? focused : undefined;
};
