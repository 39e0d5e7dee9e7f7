import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GroupFilter } from '@/features/tickets/components/group-filter';
import { parseListParams, toSearchParams } from '@/features/tickets/hooks/use-list-params';
import { toFilterValues, withFilterValues } from '@/features/tickets/utils/list-filter-values';
import { renderWithQueries, stubFetch } from '@/testing/render';

afterEach(() => vi.unstubAllGlobals());

const GROUPS = [
  { id: 1, name: 'Support', members: [], isDefault: true, skillWaitSeconds: 600, openTickets: 3 },
  { id: 3, name: 'Billing', members: [], isDefault: false, skillWaitSeconds: 600, openTickets: 1 },
];

const Picker = ({ initial = [] as number[] }) => {
  const [value, setValue] = useState(initial);
  return (
    <>
      <GroupFilter value={value} onChange={setValue} />
      <output aria-label="ids">{JSON.stringify(value)}</output>
    </>
  );
};

describe('group filter', () => {
  it('loads the groups only when opened and picks several', async () => {
    const requests = stubFetch(() => ({ status: 200, body: GROUPS }));
    renderWithQueries(<Picker />);
    expect(requests).toHaveLength(0);

    await userEvent.click(screen.getByRole('combobox', { name: 'Group' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Billing' }));
    await userEvent.click(within(screen.getByRole('listbox')).getByRole('option', { name: 'Support' }));

    expect(screen.getByLabelText('ids')).toHaveTextContent('[3,1]');
    expect(requests.map((request) => request.url)).toEqual(['/api/groups']);
  });

  it("shows a chosen group's name from the URL", async () => {
    stubFetch(() => ({ status: 200, body: GROUPS }));
    renderWithQueries(<Picker initial={[3]} />);

    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Group' })).toHaveTextContent('Billing'));
  });

  it('keeps the groups in the URL as groupId, one parameter each', () => {
    const params = parseListParams(new URLSearchParams('groupId=3&groupId=1&status=NEW'));
    expect(params.groupId).toEqual([3, 1]);
    const values = toFilterValues(params);
    expect(values.groupIds).toEqual([3, 1]);
    expect(toSearchParams(withFilterValues(params, { ...values, groupIds: [3] })).toString()).toBe(
      'status=NEW&groupId=3',
    );
  });
});
