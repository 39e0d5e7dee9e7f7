import { listNotifications } from '@/api/generated/endpoints/notifications/notifications';

/** Whether this browser can show notifications and the person has not decided yet. */
export const canAskForBrowserNotifications = () =>
  typeof Notification !== 'undefined' && Notification.permission === 'default';

/** Asks for permission; call it only from a click (browsers ignore or punish asking on load). */
export const askForBrowserNotifications = async (): Promise<NotificationPermission> =>
  typeof Notification === 'undefined' ? 'denied' : Notification.requestPermission();

/**
 * Shows a new in-app notification (an assignment, an SLA warning or breach) as a browser
 * notification while the tab is in the background, if the person allowed it. The stream carries
 * only the id; the title and text come from the feed.
 */
export const showBrowserNotification = async (notificationId: number, open: (ticketNumber: number) => void) => {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted' || !document.hidden) return;
  const feed = await listNotifications({ limit: 20 });
  const item = feed.items.find((candidate) => candidate.id === notificationId);
  if (!item) return;
  const shown = new Notification(item.title, { body: item.body ?? undefined, tag: `tempodesk-${item.id}` });
  shown.onclick = () => {
    window.focus();
    if (item.ticketNumber != null) open(item.ticketNumber);
    shown.close();
  };
};
