import type { FillSource } from '@/features/tickets/components/ticket-detail';
import { SimilarTickets } from '@/features/similar/components/similar-tickets';

/**
 * The ticket page's "Similar solved tickets": the similar feature finds them, the tickets feature
 * fills its reply box with the chosen past reply for review (no note, no change; nothing is sent).
 */
export const similarFillSource: FillSource = (ticket, fill) => (
  <SimilarTickets number={ticket.number} onUseReply={(reply) => fill({ reply, note: '', change: {} })} />
);
