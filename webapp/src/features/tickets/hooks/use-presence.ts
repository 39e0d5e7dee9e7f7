import { useEffect, useSyncExternalStore } from 'react';
import {
  leaveTicketPresence,
  putTicketPresence,
  useListTicketPresence,
} from '@/api/generated/endpoints/tickets/tickets';

/** How often the ticket page renews the agent's presence (the server forgets it after 30 s). */
export const HEARTBEAT_MS = 10_000;

/** How often the page asks who else is here, besides the live stream's presence.changed. */
export const PRESENCE_REFRESH_MS = 10_000;

/**
 * Tells the others this agent has the ticket open: at once, every HEARTBEAT_MS, and at once when
 * they start or stop writing; leaving the page (unmount, or the tab closing) says goodbye with a
 * keepalive request, which the browser sends even while unloading. A page that dies silently
 * lapses on the server after 30 s.
 */
export const usePresenceHeartbeat = (number: number, typing: boolean) => {
  useEffect(() => {
    const beat = () => void putTicketPresence(number, { typing }).catch(() => {});
    beat();
    const timer = setInterval(beat, HEARTBEAT_MS);
    // Back from the browser's back-forward cache: here again.
    const onShow = (event: PageTransitionEvent) => event.persisted && beat();
    window.addEventListener('pageshow', onShow);
    return () => {
      clearInterval(timer);
      window.removeEventListener('pageshow', onShow);
    };
  }, [number, typing]);

  useEffect(() => {
    const leave = () => void leaveTicketPresence(number, { keepalive: true }).catch(() => {});
    window.addEventListener('pagehide', leave);
    return () => {
      window.removeEventListener('pagehide', leave);
      leave();
    };
  }, [number]);
};

/** The other agents on the ticket: refetched on every presence.changed event and every 10 s. */
export const useOthersPresent = (number: number) =>
  useListTicketPresence(number, { query: { refetchInterval: PRESENCE_REFRESH_MS } });

/**
 * Which tickets the signed-in agent is writing a reply on: set by the reply box, read by the
 * presence heartbeat (which tells the others "is writing a reply…"). One tab, one store.
 */
const writingOn = new Set<number>();
const listeners = new Set<() => void>();

export const setTyping = (number: number, on: boolean) => {
  if (writingOn.has(number) === on) return;
  if (on) writingOn.add(number);
  else writingOn.delete(number);
  for (const listener of listeners) listener();
};

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
};

export const useTyping = (number: number) =>
  useSyncExternalStore(
    subscribe,
    () => writingOn.has(number),
    () => false,
  );
