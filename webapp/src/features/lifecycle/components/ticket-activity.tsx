import Paper from '@mui/material/Paper';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useState } from 'react';
import { lifecyclePath } from '@/features/lifecycle/api/lifecycle';
import { LifecycleTimeline } from '@/features/lifecycle/components/lifecycle-timeline';

/**
 * The "Activity" tab of a ticket (shown to admins and managers): what its workflow did, from Temporal.
 * Read only when opened: the history is Temporal's, not the database's.
 */
export const TicketActivity = ({ number }: { number: number }) => {
  const [open, setOpen] = useState(false);
  return (
    <Paper sx={{ p: 2 }}>
      <Tabs value={open ? 'activity' : false} aria-label="Ticket workflow" sx={{ mb: open ? 1.5 : 0 }}>
        <Tab
          label="Activity"
          value="activity"
          id="ticket-activity-tab"
          aria-controls="ticket-activity-panel"
          onClick={() => setOpen((now) => !now)}
        />
      </Tabs>
      {open && (
        <div role="tabpanel" id="ticket-activity-panel" aria-labelledby="ticket-activity-tab">
          <LifecycleTimeline path={lifecyclePath.ticket(number)} label="Workflow activity" />
        </div>
      )}
    </Paper>
  );
};
