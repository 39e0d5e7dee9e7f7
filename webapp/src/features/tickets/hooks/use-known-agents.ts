import { useListAgents } from '@/api/generated/endpoints/agents/agents';

export type AgentOption = { id: number; name: string };

/** The active agents a ticket can be assigned to, by name. */
export const useKnownAgents = (): AgentOption[] => {
  const agents = useListAgents({ query: { staleTime: 60_000 } });
  return (agents.data ?? [])
    .filter((agent) => agent.active)
    .map((agent) => ({ id: agent.id, name: agent.displayName }))
    .sort((a, b) => a.name.localeCompare(b.name));
};
