import { describe, expect, it } from 'vitest';
import { listUrl, parseListParams, sameListParams, toSearchParams } from '@/features/tickets/hooks/use-list-params';

describe('the list filter in the URL', () => {
  it('writes the query parameters of GET /api/tickets and reads them back', () => {
    const params = {
      status: ['PENDING'],
      pendingReason: ['CUSTOMER'],
      idleFor: 'P2D',
      mine: true,
      assigneeId: 7,
      text: 'vpn tunnel',
      tag: ['billing', 'vip'],
    };
    const query = toSearchParams(params);
    expect(query.toString()).toBe(
      'status=PENDING&tag=billing&tag=vip&pendingReason=CUSTOMER&assigneeId=7&mine=true&text=vpn+tunnel&idleFor=P2D',
    );
    expect(parseListParams(query)).toEqual(params);
  });

  it('leaves out what is not set, so an empty filter is the bare list URL', () => {
    expect(listUrl({ status: [], unassigned: false, text: '  ' })).toBe('/');
    expect(listUrl({ unassigned: true, priority: ['URGENT'] })).toBe('/?priority=URGENT&unassigned=true');
  });

  it('ignores unusable values and accepts comma-separated lists', () => {
    expect(parseListParams(new URLSearchParams('status=NEW,OPEN&assigneeId=abc&mine=yes&colour=red'))).toEqual({
      status: ['NEW', 'OPEN'],
    });
  });

  it('compares filters by what they select, not by order', () => {
    expect(sameListParams({ status: ['NEW'], mine: true }, { mine: true, status: ['NEW'], text: '' })).toBe(true);
    expect(sameListParams({ status: ['NEW'] }, { status: ['NEW'], mine: true })).toBe(false);
  });
});
