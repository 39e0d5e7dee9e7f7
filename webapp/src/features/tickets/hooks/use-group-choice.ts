import { useListGroups } from '@/api/generated/endpoints/groups/groups';
import type { TicketDto } from '@/api/generated/model';

/** The groups a ticket may move to, and whether the signed-in person may move it. */
export type GroupChoice = { options: { id: number; name: string }[]; canMove: boolean };

/** Who is looking at the ticket: their id, and whether they are a manager or an admin. */
export type GroupMover = { userId: number; management: boolean };

/**
 * Managers and admins move any ticket between groups; an agent only a ticket of a group they
 * manage (the server checks it again). Without a mover the ticket page offers no group change.
 */
export const useGroupChoice = (
  ticket: TicketDto | undefined,
  mover: GroupMover | undefined,
): GroupChoice | undefined => {
  const groups = useListGroups(undefined, { query: { enabled: mover != null, staleTime: 60_000 } });
  if (!mover) return undefined;
  const options = (groups.data ?? []).map((group) => ({ id: group.id, name: group.name }));
  const current = groups.data?.find((group) => group.id === ticket?.groupId);
  const managesCurrent = current?.members.some((member) => member.agentId === mover.userId && member.manager) ?? false;
  return { options, canMove: mover.management || managesCurrent };
};
