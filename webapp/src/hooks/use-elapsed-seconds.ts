import { useEffect, useState } from 'react';

/** Whole seconds since `since` (epoch ms), re-rendering every `everyMs`. */
export const useElapsedSeconds = (since: number, everyMs = 15_000) => {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return since > 0 ? Math.max(0, Math.floor((now - since) / 1000)) : 0;
};
