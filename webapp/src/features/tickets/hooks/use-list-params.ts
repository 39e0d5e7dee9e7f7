import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';

/**
 * The ticket list's filter as the query parameters of GET /api/tickets (TicketListParams): the
 * page's URL carries it, so a reload, a bookmark or a shared link shows the same tickets, the back
 * button goes to the previous filter, and a saved view stores exactly these names.
 */
export type ListParams = {
  status?: string[];
  priority?: string[];
  assigneeId?: number;
  unassigned?: boolean;
  mine?: boolean;
  text?: string;
  includeDone?: boolean;
  tag?: string[];
  pendingReason?: string[];
  idleFor?: string;
  sort?: string;
};

const LISTS = ['status', 'priority', 'tag', 'pendingReason'] as const;
const FLAGS = ['unassigned', 'mine', 'includeDone'] as const;
const TEXTS = ['text', 'idleFor', 'sort'] as const;

/** Reads the parameters from a URL query; unknown names and empty values are left out. */
export const parseListParams = (query: URLSearchParams): ListParams => {
  const params: ListParams = {};
  for (const name of LISTS) {
    const values = query
      .getAll(name)
      .flatMap((value) => value.split(','))
      .filter(Boolean);
    if (values.length) params[name] = values;
  }
  for (const name of FLAGS) {
    if (query.get(name) === 'true') params[name] = true;
  }
  for (const name of TEXTS) {
    const value = query.get(name);
    if (value) params[name] = value;
  }
  const assignee = Number(query.get('assigneeId'));
  if (query.get('assigneeId') && Number.isInteger(assignee)) params.assigneeId = assignee;
  return params;
};

/** The parameters that are set, in a stable order, as a URL query (lists repeat the name). */
export const toSearchParams = (params: ListParams): URLSearchParams => {
  const query = new URLSearchParams();
  for (const name of LISTS) params[name]?.forEach((value) => query.append(name, value));
  if (params.assigneeId != null) query.set('assigneeId', String(params.assigneeId));
  for (const name of FLAGS) if (params[name]) query.set(name, 'true');
  for (const name of TEXTS) {
    const value = params[name]?.trim();
    if (value) query.set(name, value);
  }
  return query;
};

/** Only the parameters that are set: what a saved view stores and what two filters compare by. */
export const compactListParams = (params: ListParams): ListParams => parseListParams(toSearchParams(params));

export const sameListParams = (a: ListParams, b: ListParams) => {
  const key = (params: ListParams) => {
    const query = toSearchParams(params);
    query.sort();
    return query.toString();
  };
  return key(a) === key(b);
};

/** The list's URL for a filter. */
export const listUrl = (params: ListParams) => {
  const query = toSearchParams(params).toString();
  return query ? `/?${query}` : '/';
};

/**
 * The list filter of the current URL and a setter that writes it back: a new history entry per
 * change, or `replace` for keystrokes (typing a search should not fill the back button's history).
 */
export const useListParams = () => {
  const [query, setQuery] = useSearchParams();
  const key = query.toString();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the parsed form changes with the query text
  const fromUrl = useMemo(() => parseListParams(query), [key]);
  // The router applies a URL change as a transition, so a second click (another option of the same
  // open menu) could still see the filter before the first: the last set filter is shown at once,
  // until the URL it was set from has changed (caught up, or Back pressed).
  const [latest, setLatest] = useState<{ from: string; params: ListParams }>();
  if (latest && latest.from !== key) {
    setLatest(undefined); // the URL moved on: it is the filter again (adjusted while rendering)
  }
  const params = latest && latest.from === key ? latest.params : fromUrl;
  const setParams = useCallback(
    (next: ListParams, options?: { replace?: boolean }) => {
      setLatest({ from: key, params: compactListParams(next) });
      setQuery(toSearchParams(next), options);
    },
    [setQuery, key],
  );
  return [params, setParams] as const;
};
