import { EMPTY_FILTERS, type TicketFilterValues } from '@/features/tickets/components/ticket-filters';
import type { ListParams } from '@/features/tickets/hooks/use-list-params';

/** The form's values for the URL's parameters (those the form has no input for are kept aside). */
export const toFilterValues = (params: ListParams): TicketFilterValues => ({
  ...EMPTY_FILTERS,
  status: params.status ?? [],
  priority: params.priority ?? [],
  assignee: params.assigneeId != null ? String(params.assigneeId) : params.unassigned ? 'none' : '',
  text: params.text ?? '',
  includeDone: params.includeDone ?? false,
  tags: params.tag ?? [],
  mailboxIds: params.mailboxId ?? [],
  groupIds: params.groupId ?? [],
  channels: params.channel ?? [],
  organizationIds: params.organizationId ?? [],
  reporterId: params.reporterId ?? null,
  createdFrom: params.createdFrom ?? '',
  createdTo: params.createdTo ?? '',
  updatedFrom: params.updatedFrom ?? '',
  updatedTo: params.updatedTo ?? '',
  sort: params.sort ?? '',
});

/** The URL's parameters after a change of the form; the others (mine, pendingReason, idleFor) stay as they were. */
export const withFilterValues = (params: ListParams, filters: TicketFilterValues): ListParams => ({
  ...params,
  status: filters.status,
  priority: filters.priority,
  unassigned: filters.assignee === 'none' || undefined,
  assigneeId: filters.assignee && filters.assignee !== 'none' ? Number(filters.assignee) : undefined,
  text: filters.text || undefined,
  includeDone: filters.includeDone || undefined,
  tag: filters.tags.length ? filters.tags : undefined,
  mailboxId: filters.mailboxIds,
  groupId: filters.groupIds,
  channel: filters.channels,
  organizationId: filters.organizationIds,
  reporterId: filters.reporterId ?? undefined,
  createdFrom: filters.createdFrom || undefined,
  createdTo: filters.createdTo || undefined,
  updatedFrom: filters.updatedFrom || undefined,
  updatedTo: filters.updatedTo || undefined,
  sort: filters.sort || undefined,
});
