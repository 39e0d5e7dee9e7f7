import { Fragment } from 'react';
import type { FillSource } from '@/features/tickets/components/ticket-detail';

/**
 * Several things on the ticket page fill its reply box and update panel for review (the macro
 * picker, assist's suggestions, similar tickets): each renders in turn, all with the one `fill`.
 */
export const composeFill =
  (...sources: FillSource[]): FillSource =>
  (ticket, fill) => (
    <>
      {sources.map((source, index) => (
        <Fragment key={index}>{source(ticket, fill)}</Fragment>
      ))}
    </>
  );
