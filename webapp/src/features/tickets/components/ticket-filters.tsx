import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import InputLabel from '@mui/material/InputLabel';
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import type { Ref } from 'react';
import { TagInput } from '@/components/tag-input';
import { GroupFilter } from '@/features/tickets/components/group-filter';
import {
  OrganizationFilter,
  ReporterFilter,
  useMailboxOptions,
} from '@/features/tickets/components/ticket-filter-pickers';
import { ListTicketsChannelItem, ListTicketsPriorityItem, ListTicketsStatusItem } from '@/api/generated/model';

export type TicketFilterValues = {
  status: string[];
  priority: string[];
  assignee: string; // '' any, 'none' unassigned, or an agent id
  text: string;
  includeDone: boolean;
  tags: string[]; // all of them (tag=…&tag=…)
  mailboxIds: number[];
  groupIds: number[];
  channels: string[];
  organizationIds: number[];
  reporterId: number | null;
  /** Dates (YYYY-MM-DD, whole days in UTC; "to" includes its day), '' for open. */
  createdFrom: string;
  createdTo: string;
  updatedFrom: string;
  updatedTo: string;
  sort: string; // '' the API's default: best match for a search, SLA due otherwise
};

export const EMPTY_FILTERS: TicketFilterValues = {
  status: [],
  priority: [],
  assignee: '',
  text: '',
  includeDone: false,
  tags: [],
  mailboxIds: [],
  groupIds: [],
  channels: [],
  organizationIds: [],
  reporterId: null,
  createdFrom: '',
  createdTo: '',
  updatedFrom: '',
  updatedTo: '',
  sort: '',
};

/** How each channel a ticket came in through is called in the filter. */
export const CHANNEL_LABELS: Record<string, string> = {
  EMAIL: 'Email',
  PORTAL: 'Portal',
  PHONE: 'Phone',
  AGENT: 'Agent-created',
};

/** The list's orders (GET /api/tickets?sort=…); URGENCY is shown as "SLA due". */
export const SORT_LABELS: Record<string, string> = {
  '': 'Default',
  URGENCY: 'SLA due',
  PRIORITY: 'Priority',
  UPDATED: 'Recently updated',
  CREATED: 'Newest',
  RELEVANCE: 'Best match',
};

const DATE_FIELDS = [
  ['createdFrom', 'Created from'],
  ['createdTo', 'Created to'],
  ['updatedFrom', 'Updated from'],
  ['updatedTo', 'Updated to'],
] as const;

/** A date range whose start is after its end: the server would refuse it (400), so say it here. */
export const rangeError = (from: string, to: string) =>
  from && to && from.length === 10 && to.length === 10 && from > to ? 'After the end date' : undefined;

/** What the search box looks in, and the order a search lists in (the API's default with a text). */
export const SEARCH_HINT = 'Subject, messages, people, organization, tags; best match first';

type Props = {
  value: TicketFilterValues;
  onChange: (next: TicketFilterValues) => void;
  assignees: { id: number; name: string }[];
  /** The search box, for the '/' shortcut. */
  searchRef?: Ref<HTMLInputElement>;
};

export const TicketFilters = ({ value, onChange, assignees, searchRef }: Props) => {
  const set = <K extends keyof TicketFilterValues>(key: K, next: TicketFilterValues[K]) =>
    onChange({ ...value, [key]: next });
  const mailboxes = useMailboxOptions(value.mailboxIds.length > 0);
  return (
    <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
      <TextField
        label="Search"
        placeholder="Words or #1042"
        helperText={SEARCH_HINT}
        size="small"
        value={value.text}
        onChange={(event) => set('text', event.target.value)}
        inputRef={searchRef}
        sx={{ minWidth: 320 }}
      />
      <FormControl size="small" sx={{ minWidth: 160 }}>
        <InputLabel id="filter-status-label">Status</InputLabel>
        <Select
          labelId="filter-status-label"
          label="Status"
          multiple
          value={value.status}
          onChange={(event) => set('status', event.target.value as string[])}
        >
          {Object.values(ListTicketsStatusItem).map((status) => (
            <MenuItem key={status} value={status}>
              {status}
            </MenuItem>
          ))}
        </Select>
      </FormControl>
      <FormControl size="small" sx={{ minWidth: 160 }}>
        <InputLabel id="filter-priority-label">Priority</InputLabel>
        <Select
          labelId="filter-priority-label"
          label="Priority"
          multiple
          value={value.priority}
          onChange={(event) => set('priority', event.target.value as string[])}
        >
          {Object.values(ListTicketsPriorityItem).map((priority) => (
            <MenuItem key={priority} value={priority}>
              {priority}
            </MenuItem>
          ))}
        </Select>
      </FormControl>
      <FormControl size="small" sx={{ minWidth: 180 }}>
        <InputLabel id="filter-assignee-label">Assignee</InputLabel>
        <Select
          labelId="filter-assignee-label"
          label="Assignee"
          value={value.assignee}
          onChange={(event) => set('assignee', event.target.value)}
        >
          <MenuItem value="">Anyone</MenuItem>
          <MenuItem value="none">Unassigned</MenuItem>
          {assignees.map((agent) => (
            <MenuItem key={agent.id} value={String(agent.id)}>
              {agent.name}
            </MenuItem>
          ))}
        </Select>
      </FormControl>
      <TagInput
        id="filter-tags"
        label="Tags"
        placeholder="All of these tags"
        value={value.tags}
        onChange={(tags) => set('tags', tags)}
      />
      <FormControl size="small" sx={{ minWidth: 180 }}>
        <InputLabel id="filter-mailbox-label">Mailbox</InputLabel>
        <Select
          labelId="filter-mailbox-label"
          label="Mailbox"
          multiple
          value={value.mailboxIds}
          onOpen={mailboxes.load}
          onChange={(event) => set('mailboxIds', (event.target.value as (number | string)[]).map(Number))}
          renderValue={(ids) => ids.map(mailboxes.nameOf).join(', ')}
        >
          {mailboxes.options.map((mailbox) => (
            <MenuItem key={mailbox.id} value={mailbox.id}>
              {mailbox.email}
            </MenuItem>
          ))}
          {mailboxes.options.length === 0 && (
            <MenuItem disabled value="">
              {mailboxes.loading ? 'Loading…' : 'No mailboxes'}
            </MenuItem>
          )}
        </Select>
      </FormControl>
      <GroupFilter value={value.groupIds} onChange={(ids) => set('groupIds', ids)} />
      <FormControl size="small" sx={{ minWidth: 160 }}>
        <InputLabel id="filter-channel-label">Channel</InputLabel>
        <Select
          labelId="filter-channel-label"
          label="Channel"
          multiple
          value={value.channels}
          onChange={(event) => set('channels', event.target.value as string[])}
          renderValue={(channels) => channels.map((channel) => CHANNEL_LABELS[channel] ?? channel).join(', ')}
        >
          {Object.values(ListTicketsChannelItem).map((channel) => (
            <MenuItem key={channel} value={channel}>
              {CHANNEL_LABELS[channel] ?? channel}
            </MenuItem>
          ))}
        </Select>
      </FormControl>
      <OrganizationFilter value={value.organizationIds} onChange={(ids) => set('organizationIds', ids)} />
      <ReporterFilter value={value.reporterId} onChange={(id) => set('reporterId', id)} />
      {DATE_FIELDS.map(([key, label]) => {
        const error =
          key === 'createdFrom'
            ? rangeError(value.createdFrom, value.createdTo)
            : key === 'updatedFrom'
              ? rangeError(value.updatedFrom, value.updatedTo)
              : undefined;
        return (
          <TextField
            key={key}
            id={`filter-${key}`}
            label={label}
            type="date"
            size="small"
            value={value[key]}
            onChange={(event) => set(key, event.target.value)}
            error={!!error}
            helperText={error}
            slotProps={{ inputLabel: { shrink: true } }}
            sx={{ width: 160 }}
          />
        );
      })}
      <FormControl size="small" sx={{ minWidth: 170 }}>
        <InputLabel id="filter-sort-label">Sort by</InputLabel>
        <Select
          labelId="filter-sort-label"
          label="Sort by"
          value={value.sort}
          onChange={(event) => set('sort', event.target.value)}
        >
          {Object.entries(SORT_LABELS).map(([sort, label]) => (
            <MenuItem key={sort} value={sort}>
              {label}
            </MenuItem>
          ))}
        </Select>
      </FormControl>
      <FormControlLabel
        control={<Switch checked={value.includeDone} onChange={(event) => set('includeDone', event.target.checked)} />}
        label="Show closed"
      />
    </Stack>
  );
};
