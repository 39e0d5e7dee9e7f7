import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { MessageDto, TicketDto } from '@/api/generated/model';
import { apiFetch } from '@/lib/api-client';

// The customer portal's contract (/api/portal/tickets: list, create, read, reply) is being built
// by the "access" work; not in openapi.json yet, so written by hand against the agreed shape.
// The pages show only once the snapshot has /api/portal/tickets; then use the generated hooks.
export type PortalTicket = Pick<TicketDto, 'number' | 'subject' | 'status' | 'priority' | 'createdAt' | 'updatedAt'> &
  Partial<TicketDto>;
export type PortalTicketDetail = PortalTicket & { messages?: MessageDto[] };

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

const asList = <T,>(body: unknown): T[] => (Array.isArray(body) ? body : ((body as { items?: T[] })?.items ?? []));

export const portalTicketsQuery = () =>
  queryOptions({
    queryKey: ['/api/portal/tickets'],
    queryFn: async () => asList<PortalTicket>(await apiFetch<unknown>('/api/portal/tickets')),
  });

export const portalTicketQuery = (number: number) =>
  queryOptions({
    queryKey: ['/api/portal/tickets', number],
    queryFn: () => apiFetch<PortalTicketDetail>(`/api/portal/tickets/${number}`),
  });

export const useCreatePortalTicket = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: { subject: string; body: string }) =>
      apiFetch<PortalTicket>('/api/portal/tickets', json({ ...request, description: request.body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: portalTicketsQuery().queryKey }),
  });
};

export const usePortalReply = (number: number) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => apiFetch<unknown>(`/api/portal/tickets/${number}/replies`, json({ body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: portalTicketQuery(number).queryKey }),
  });
};
