import type { FillSource } from '@/features/tickets/components/ticket-detail';
import { AssistPanel } from '@/features/assist/components/assist-panel';

/**
 * The ticket page's assist: a suggested reply fills the reply box, a triage the update panel
 * (priority, tags to add, group, and the comment the audit trail keeps), all for review.
 */
export const assistFillSource: FillSource = (ticket, fill) => (
  <AssistPanel
    number={ticket.number}
    onDraft={(text) => fill({ reply: text, note: '', change: {} })}
    onTriage={(triage, model) =>
      fill({
        reply: '',
        note: '',
        change: {
          priority: triage.priority ?? undefined,
          addTags: triage.tags,
          groupId: triage.groupId ?? undefined,
          comment: `Suggested by assist (${model})${triage.reason ? `: ${triage.reason}` : ''}`,
        },
      })
    }
  />
);
