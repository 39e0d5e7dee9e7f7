import type { SignedInDto } from '@/api/generated/model';
import { useKnownAgents, type AgentOption } from '@/features/tickets/hooks/use-known-agents';

/** An AGENT may assign tickets only to themselves; managers and admins to any active agent. */
export const useAssignableAgents = (user: SignedInDto | null): AgentOption[] => {
  const agents = useKnownAgents();
  if (user?.role !== 'AGENT') return agents;
  return [{ id: user.id, name: `${user.displayName} (me)` }];
};
