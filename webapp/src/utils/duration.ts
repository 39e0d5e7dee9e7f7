/** "2d 4h", "3h 5m", "12m", "<1m": the two largest units of a span of seconds (sign ignored). */
export const formatSpan = (seconds: number): string => {
  const total = Math.abs(Math.trunc(seconds));
  if (total < 60) return '<1m';
  const days = Math.floor(total / 86400);
  const hours = Math.floor((total % 86400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  if (days > 0) return hours > 0 ? `${days}d ${hours}h` : `${days}d`;
  if (hours > 0) return minutes > 0 ? `${hours}h ${minutes}m` : `${hours}h`;
  return `${minutes}m`;
};

/** "in 3h 5m" before the deadline, "2h overdue" after it. */
export const formatCountdown = (seconds: number): string =>
  seconds >= 0 ? `in ${formatSpan(seconds)}` : `${formatSpan(seconds)} overdue`;

export const formatDateTime = (iso?: string | null): string =>
  iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : '—';
