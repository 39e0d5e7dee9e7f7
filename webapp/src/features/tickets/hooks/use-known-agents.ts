import { useQuery } from '@tanstack/react-query';
import { listTickets } from '@/api/generated/endpoints/tickets/tickets';

/**
 * The agents an assignee can be picked from. Until the agents API lands (/api/agents, "access"),
 * these are the agents seen as assignees of recent tickets.
 */
export const useKnownAgents = () => {
  const recent = useQuery({
    queryKey: ['known-agents'],
    queryFn: () => listTickets({ includeDone: true, limit: 200 }),
    staleTime: 60_000,
  });
  const agents = new Map<number, string>();
  recent.data?.items.forEach((ticket) => {
    if (ticket.assigneeId != null && ticket.assigneeName) agents.set(ticket.assigneeId, ticket.assigneeName);
  });
  return [...agents].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
};
