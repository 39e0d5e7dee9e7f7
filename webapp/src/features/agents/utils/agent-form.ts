import type { AgentDto, Create, Patch } from '@/api/generated/model';

export const AGENT_ROLES = ['AGENT', 'MANAGER', 'ADMIN'] as const;
export type AgentRole = (typeof AGENT_ROLES)[number];

/** What the agent dialog edits; capacity stays text while typing. */
export type AgentForm = {
  displayName: string;
  email: string;
  role: AgentRole;
  capacity: string;
  available: boolean;
  active: boolean;
  password: string;
  /** Normalized as typed (TagInput); the server normalizes again and refuses bad ones. */
  skills: string[];
};

export const emptyForm = (): AgentForm => ({
  displayName: '',
  email: '',
  role: 'AGENT',
  capacity: '3',
  available: true,
  active: true,
  password: '',
  skills: [],
});

export const formOf = (agent: AgentDto): AgentForm => ({
  displayName: agent.displayName,
  email: agent.email,
  role: agent.role as AgentRole,
  capacity: String(agent.capacity),
  available: agent.available,
  active: agent.active,
  password: '',
  skills: [...agent.skills],
});

/** Blank capacity means "not given"; anything else goes to the server, which validates it. */
const capacityOf = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text.trim()));

export const createRequest = (form: AgentForm): Create => ({
  displayName: form.displayName.trim(),
  email: form.email.trim(),
  role: form.role,
  capacity: capacityOf(form.capacity),
  available: form.available,
  password: form.password === '' ? undefined : form.password,
  skills: form.skills,
});

const sameSkills = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().every((skill, i) => skill === [...b].sort()[i]);

/**
 * Only the fields that changed, so an edit never resends (and so never overwrites) values someone
 * else changed meanwhile; an empty password keeps the current one.
 */
export const patchRequest = (before: AgentDto, form: AgentForm): Patch => {
  const patch: Patch = {};
  if (form.displayName.trim() !== before.displayName) patch.displayName = form.displayName.trim();
  if (form.email.trim() !== before.email) patch.email = form.email.trim();
  if (form.role !== before.role) patch.role = form.role;
  const capacity = capacityOf(form.capacity);
  if (capacity !== undefined && capacity !== before.capacity) patch.capacity = capacity;
  if (form.available !== before.available) patch.available = form.available;
  if (form.active !== before.active) patch.active = form.active;
  if (form.password !== '') patch.password = form.password;
  if (!sameSkills(form.skills, before.skills)) patch.skills = form.skills;
  return patch;
};
