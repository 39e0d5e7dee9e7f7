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
  mailboxId?: number[];
  channel?: string[];
  organizationId?: number[];
  groupId?: number[];
  reporterId?: number;
  /** Created/updated ranges: a date (YYYY-MM-DD, a whole day in UTC; "to" includes it) or an instant. */
  createdFrom?: string;
  createdTo?: string;
  updatedFrom?: string;
  updatedTo?: string;
};

const LISTS = ['status', 'priority', 'tag', 'pendingReason', 'channel'] as const;
const ID_LISTS = ['mailboxId', 'organizationId', 'groupId'] as const;
const IDS = ['assigneeId', 'reporterId'] as const;
const FLAGS = ['unassigned', 'mine', 'includeDone'] as const;
const TEXTS = ['text', 'idleFor', 'sort', 'createdFrom', 'createdTo', 'updatedFrom', 'updatedTo'] as const;

const isId = (value: string) => /^\d+$/.test(value);

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
  for (const name of ID_LISTS) {
    const ids = query
      .getAll(name)
      .flatMap((value) => value.split(','))
      .filter(isId)
      .map(Number);
    if (ids.length) params[name] = ids;
  }
  for (const name of FLAGS) {
    if (query.get(name) === 'true') params[name] = true;
  }
  for (const name of TEXTS) {
    const value = query.get(name);
    if (value) params[name] = value;
  }
  for (const name of IDS) {
    const id = query.get(name);
    if (id && isId(id)) params[name] = Number(id);
  }
  return params;
};

/** The parameters that are set, in a stable order, as a URL query (lists repeat the name). */
export const toSearchParams = (params: ListParams): URLSearchParams => {
  const query = new URLSearchParams();
  for (const name of LISTS) params[name]?.forEach((value) => query.append(name, value));
  for (const name of ID_LISTS) params[name]?.forEach((id) => query.append(name, String(id)));
  for (const name of IDS) if (params[name] != null) query.set(name, String(params[name]));
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
