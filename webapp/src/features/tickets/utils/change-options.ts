/** How long a PENDING ticket may be suspended, as the change forms offer it (ISO-8601). */
export const PENDING_DURATIONS = [
  { value: 'PT4H', label: '4 hours' },
  { value: 'P1D', label: '1 day' },
  { value: 'P2D', label: '2 days' },
  { value: 'P7D', label: '1 week' },
  { value: 'P30D', label: '30 days' },
];

/** An enum value as a label: WONT_FIX → "Wont fix". */
export const humanize = (value: string) => value.charAt(0) + value.slice(1).toLowerCase().replaceAll('_', ' ');
