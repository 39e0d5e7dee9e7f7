import AccessTimeIcon from '@mui/icons-material/AccessTime';
import AlarmOnIcon from '@mui/icons-material/AlarmOn';
import AlarmOffIcon from '@mui/icons-material/AlarmOff';
import CheckCircleOutlineIcon from '@mui/icons-material/CheckCircleOutline';
import EditNoteIcon from '@mui/icons-material/EditNote';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutline';
import BlockIcon from '@mui/icons-material/Block';
import HourglassTopIcon from '@mui/icons-material/HourglassTop';
import MailOutlineIcon from '@mui/icons-material/MailOutline';
import PlayCircleOutlineIcon from '@mui/icons-material/PlayCircleOutline';
import ReplayIcon from '@mui/icons-material/Replay';
import StopCircleOutlinedIcon from '@mui/icons-material/StopCircleOutlined';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactElement } from 'react';
import { EmptyState, ErrorState, Loading } from '@/components/states';
import { formatDateTime } from '@/utils/duration';
import { useLifecycle, type LifecycleKind } from '@/features/lifecycle/api/lifecycle';

type Look = { label: string; icon: ReactElement; color: 'primary' | 'success' | 'error' | 'warning' | 'action' };

/** An icon and a label for each kind of entry. */
export const LOOKS: Record<LifecycleKind, Look> = {
  STARTED: { label: 'Started', icon: <PlayCircleOutlineIcon />, color: 'primary' },
  SIGNAL_RECEIVED: { label: 'Signal', icon: <MailOutlineIcon />, color: 'primary' },
  UPDATE_APPLIED: { label: 'Update applied', icon: <EditNoteIcon />, color: 'success' },
  UPDATE_REFUSED: { label: 'Update refused', icon: <BlockIcon />, color: 'error' },
  UPDATE_RUNNING: { label: 'Update running', icon: <HourglassTopIcon />, color: 'action' },
  TIMER_SET: { label: 'Timer set', icon: <AccessTimeIcon />, color: 'action' },
  TIMER_FIRED: { label: 'Timer fired', icon: <AlarmOnIcon />, color: 'warning' },
  TIMER_CANCELLED: { label: 'Timer cancelled', icon: <AlarmOffIcon />, color: 'action' },
  ACTIVITY_COMPLETED: { label: 'Activity', icon: <CheckCircleOutlineIcon />, color: 'success' },
  ACTIVITY_FAILED: { label: 'Activity failed', icon: <ErrorOutlineIcon />, color: 'error' },
  ACTIVITY_RUNNING: { label: 'Activity running', icon: <HourglassTopIcon />, color: 'action' },
  CONTINUED_AS_NEW: { label: 'Continued as new', icon: <ReplayIcon />, color: 'primary' },
  ENDED: { label: 'Ended', icon: <StopCircleOutlinedIcon />, color: 'action' },
  WORKFLOW_TASK_FAILED: { label: 'Workflow task failed', icon: <ErrorOutlineIcon />, color: 'error' },
};

/** A workflow's lifecycle from Temporal, newest first, with the way to the Temporal UI. */
export const LifecycleTimeline = ({ path, label }: { path: string; label: string }) => {
  const lifecycle = useLifecycle(path, true);
  if (lifecycle.isPending) return <Loading label="Reading the history from Temporal…" />;
  if (lifecycle.isError) return <ErrorState error={lifecycle.error} title="Could not read the history" />;
  const pages = lifecycle.data.pages;
  const entries = pages.flatMap((page) => page.entries);
  const uiUrl = pages[0]?.temporalUiUrl;
  return (
    <Stack spacing={1.5}>
      {uiUrl && (
        <Link href={uiUrl} target="_blank" rel="noopener noreferrer" variant="body2">
          Open in Temporal UI
        </Link>
      )}
      {entries.length === 0 ? (
        <EmptyState>Temporal keeps no history for this workflow.</EmptyState>
      ) : (
        <Stack component="ol" spacing={1.25} sx={{ listStyle: 'none', p: 0, m: 0 }} aria-label={label}>
          {entries.map((entry) => {
            const look = LOOKS[entry.kind] ?? LOOKS.STARTED;
            return (
              <Stack
                component="li"
                key={`${entry.runId}/${entry.eventId}`}
                direction="row"
                spacing={1}
                data-testid="lifecycle-entry"
                data-kind={entry.kind}
              >
                <Stack sx={{ color: `${look.color}.main`, pt: 0.25 }} aria-hidden>
                  {look.icon}
                </Stack>
                <Stack sx={{ minWidth: 0 }}>
                  <Typography variant="body2" fontWeight={500} sx={{ overflowWrap: 'anywhere' }}>
                    {entry.title}
                  </Typography>
                  {entry.detail && (
                    <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
                      {entry.detail}
                    </Typography>
                  )}
                  <Typography variant="caption" color="text.secondary">
                    {look.label} · {formatDateTime(entry.at)}
                  </Typography>
                </Stack>
              </Stack>
            );
          })}
        </Stack>
      )}
      {lifecycle.hasNextPage && (
        <Button
          size="small"
          onClick={() => void lifecycle.fetchNextPage()}
          disabled={lifecycle.isFetchingNextPage}
          sx={{ alignSelf: 'flex-start' }}
        >
          Older entries
        </Button>
      )}
    </Stack>
  );
};
