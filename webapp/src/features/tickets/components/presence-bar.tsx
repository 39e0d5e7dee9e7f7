import Avatar from '@mui/material/Avatar';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import type { PresenceDto } from '@/api/generated/model';
import { useOthersPresent, usePresenceHeartbeat, useTyping } from '@/features/tickets/hooks/use-presence';

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join('');

/** "Max Manager is viewing", "Max Manager is writing a reply…". */
export const presenceText = (present: Pick<PresenceDto, 'name' | 'state'>) =>
  `${present.name} ${present.state === 'TYPING' ? 'is writing a reply…' : 'is viewing'}`;

/** Who else is here, as the list shows it: each agent with an avatar and what they are doing. */
export const PresenceList = ({ others }: { others: PresenceDto[] }) => (
  <Stack
    role="status"
    aria-label="Who else is here"
    direction="row"
    spacing={1}
    useFlexGap
    sx={{ flexWrap: 'wrap', mt: others.length ? 1 : 0 }}
  >
    {others.map((present) => (
      <Chip
        key={present.agentId}
        data-testid="presence"
        avatar={<Avatar alt="">{initials(present.name)}</Avatar>}
        label={presenceText(present)}
        color={present.state === 'TYPING' ? 'warning' : 'default'}
        variant={present.state === 'TYPING' ? 'filled' : 'outlined'}
        size="small"
      />
    ))}
  </Stack>
);

/**
 * The ticket page's presence bar: keeps this agent's presence alive (VIEWING, or TYPING while the
 * reply box holds a reply draft) and shows the other agents who have the ticket open.
 */
export const PresenceBar = ({ number }: { number: number }) => {
  usePresenceHeartbeat(number, useTyping(number));
  const others = useOthersPresent(number);
  return <PresenceList others={others.data ?? []} />;
};
