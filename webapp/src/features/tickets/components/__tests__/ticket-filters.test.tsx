import { fireEvent, screen } from '@testing-library/react';
import { renderWithQueries } from '@/testing/render';
import { describe, expect, it, vi } from 'vitest';
import { EMPTY_FILTERS, SEARCH_HINT, TicketFilters } from '@/features/tickets/components/ticket-filters';

describe('Ticket filters', () => {
  it('says what the search box searches and in what order it lists', () => {
    renderWithQueries(<TicketFilters value={EMPTY_FILTERS} onChange={() => {}} assignees={[]} />);
    const search = screen.getByLabelText('Search');
    expect(search).toHaveAttribute('placeholder', 'Words or #1042');
    expect(screen.getByText(SEARCH_HINT)).toBeInTheDocument();
    expect(SEARCH_HINT).toMatch(/messages/);
    expect(SEARCH_HINT).toMatch(/best match first/);
  });

  it('hands the typed text on with the other filters unchanged', () => {
    const onChange = vi.fn();
    renderWithQueries(
      <TicketFilters value={{ ...EMPTY_FILTERS, includeDone: true }} onChange={onChange} assignees={[]} />,
    );
    fireEvent.change(screen.getByLabelText('Search'), { target: { value: 'A1234567' } });
    expect(onChange).toHaveBeenCalledWith({ ...EMPTY_FILTERS, includeDone: true, text: 'A1234567' });
  });
});
