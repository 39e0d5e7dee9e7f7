import type { SlaDto, TicketDto } from '@/api/generated/model';

// The SLA as a server before per-metric SLAs answered (no policy, calendar or metrics): the panel's
// fallback; per-metric clocks are tested in sla-panel.test.tsx.
const NO_BREACH = {
  remainingToAssignSeconds: null as unknown as number,
  remainingToResolveSeconds: 20 * 3600,
  resolutionEta: '2026-11-23T10:00:00Z',
  remainingSuspendedSeconds: null as unknown as number,
  assignBreached: false,
  resolveBreached: false,
} as SlaDto;

/** A ticket as GET /api/tickets/{number} returns it, with the given overrides. */
export const aTicket = (overrides: Partial<TicketDto> = {}, sla: Partial<SlaDto> = {}): TicketDto => ({
  number: 1042,
  subject: 'Printer on fire',
  status: 'OPEN',
  priority: 'NORMAL',
  channel: 'EMAIL',
  assigneeId: 7,
  assigneeName: 'Alice Agent',
  reporterId: 3,
  reporterName: 'Carla Customer',
  reporterEmail: 'carla@example.com',
  organizationId: null as unknown as number,
  organizationName: null as unknown as string,
  assetId: null as unknown as number,
  assetName: null as unknown as string,
  groupId: 1,
  groupName: 'Support',
  pendingReason: null as unknown as string,
  pendingUntil: null as unknown as string,
  resolution: null as unknown as string,
  previousTicket: null as unknown as number,
  createdAt: '2026-11-22T10:00:00Z',
  assignedAt: '2026-11-22T10:05:00Z',
  firstResponseAt: null as unknown as string,
  closedAt: null as unknown as string,
  assignDueAt: '2026-11-22T14:00:00Z',
  resolveDueAt: '2026-11-23T10:00:00Z',
  version: 4,
  updatedAt: '2026-11-22T10:05:00Z',
  tags: [],
  ...overrides,
  sla: { ...NO_BREACH, ...sla },
});
