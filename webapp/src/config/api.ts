import { API_PATHS } from '@/api/generated/api-paths';

/**
 * True when the backend this web app was built against serves the path (per openapi.json).
 * Pages and controls for APIs that have not landed yet stay hidden instead of failing.
 */
export const hasApi = (path: string): boolean => API_PATHS.includes(path);

export const features = {
  login: hasApi('/api/auth/login'),
  replies: hasApi('/api/tickets/{number}/replies'),
  notes: hasApi('/api/tickets/{number}/notes'),
  notifications: hasApi('/api/notifications'),
  agents: hasApi('/api/agents'),
  stats: hasApi('/api/stats/summary'),
  assignmentQueue: hasApi('/api/assignment/queue'),
  portal: hasApi('/api/portal/tickets'),
  simulatedEmail: hasApi('/api/dev/inbound-email'),
  mailboxes: hasApi('/api/mailboxes'),
  quarantine: hasApi('/api/mailboxes/{mailboxId}/quarantine'),
};
