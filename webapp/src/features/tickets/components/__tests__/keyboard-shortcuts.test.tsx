import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithQueries, stubFetch } from '@/testing/render';
import { ShortcutsHelp } from '@/components/shortcuts-help';
import { ReplyBox } from '@/features/tickets/components/reply-box';
import { useListKeyboard } from '@/features/tickets/hooks/use-list-keyboard';

afterEach(() => vi.unstubAllGlobals());

const ROWS = [{ number: 101 }, { number: 102 }, { number: 103 }];

/** A list page in miniature: rows, a search box, and what Enter opened. */
const List = ({ open }: { open: (number: number) => void }) => {
  const search = useRef<HTMLInputElement>(null);
  const focused = useListKeyboard({
    rows: ROWS,
    open: (row) => open(row.number),
    search: () => search.current?.focus(),
  });
  return (
    <>
      <input aria-label="Search" ref={search} />
      <ul>
        {ROWS.map((row) => (
          <li key={row.number} aria-current={row.number === focused ? 'true' : undefined}>
            #{row.number}
          </li>
        ))}
      </ul>
    </>
  );
};

const current = () => document.querySelector('[aria-current="true"]')?.textContent;

describe('keyboard shortcuts on the list', () => {
  it('moves the focus with j and k and opens the focused ticket with Enter', async () => {
    const open = vi.fn();
    render(<List open={open} />);
    expect(current()).toBeUndefined();

    await userEvent.keyboard('j');
    expect(current()).toBe('#101');
    await userEvent.keyboard('jjj');
    expect(current()).toBe('#103'); // stays on the last row
    await userEvent.keyboard('k');
    expect(current()).toBe('#102');

    await userEvent.keyboard('{Enter}');
    expect(open).toHaveBeenCalledWith(102);
  });

  it('focuses the search box with / and never fires while typing in it', async () => {
    const open = vi.fn();
    render(<List open={open} />);
    await userEvent.keyboard('j');

    await userEvent.keyboard('/');
    const searchBox = screen.getByLabelText('Search');
    expect(searchBox).toHaveFocus();
    expect(searchBox).toHaveValue(''); // the / itself is not typed

    await userEvent.keyboard('jk?{Enter}');
    expect(searchBox).toHaveValue('jk?');
    expect(current()).toBe('#101');
    expect(open).not.toHaveBeenCalled();
  });

  it('leaves keys with Ctrl or Meta to the browser', async () => {
    render(<List open={vi.fn()} />);
    await userEvent.keyboard('{Control>}j{/Control}{Meta>}j{/Meta}');
    expect(current()).toBeUndefined();
  });
});

describe('keyboard shortcuts on the ticket page', () => {
  it('goes to the reply box with r and to the note box with n', async () => {
    stubFetch(() => ({ status: 201, body: {} }));
    renderWithQueries(<ReplyBox number={7} />);

    await userEvent.keyboard('n');
    expect(screen.getByRole('tab', { name: 'Internal note' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByLabelText('Note (only agents see it)')).toHaveFocus();

    // Typed into the note, r and n are letters, not shortcuts.
    await userEvent.keyboard('r');
    await userEvent.keyboard('n');
    expect(screen.getByRole('tab', { name: 'Internal note' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByLabelText('Note (only agents see it)')).toHaveFocus();
    expect(screen.getByLabelText('Note (only agents see it)')).toHaveTextContent('rn');

    await userEvent.click(document.body);
    await userEvent.keyboard('r');
    expect(screen.getByRole('tab', { name: 'Reply to customer' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByLabelText('Reply')).toHaveFocus();
  });
});

describe('the ? dialog', () => {
  it('lists the shortcuts when ? is pressed outside a field', async () => {
    render(
      <>
        <input aria-label="Somewhere to type" />
        <ShortcutsHelp />
      </>,
    );
    await userEvent.type(screen.getByLabelText('Somewhere to type'), '?');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    await userEvent.click(document.body);
    await userEvent.keyboard('?');
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    for (const key of ['j', 'k', 'Enter', '/', 'r', 'n', '?']) {
      expect(dialog).toHaveTextContent(key);
    }
    expect(dialog).toHaveTextContent('Open the highlighted ticket');
  });
});
