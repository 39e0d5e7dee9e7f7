import type { FillSource } from '@/features/tickets/components/ticket-detail';
import { MacroPicker } from '@/features/macros/components/macro-picker';

/**
 * The ticket page's "Apply macro": the macros feature renders the macro for the ticket, the
 * tickets feature fills its reply box and update panel with it for review.
 */
export const macroFillSource: FillSource = (ticket, fill) => (
  <MacroPicker
    number={ticket.number}
    onFill={(preview) => fill({ reply: preview.replyText, note: preview.note, change: preview.update })}
  />
);
