import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import InputLabel from '@mui/material/InputLabel';
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import type { Ref } from 'react';
import { TagInput } from '@/features/tickets/components/tag-input';
import { ListTicketsPriorityItem, ListTicketsStatusItem } from '@/api/generated/model';

export type TicketFilterValues = {
  status: string[];
  priority: string[];
  assignee: string; // '' any, 'none' unassigned, or an agent id
  text: string;
  includeDone: boolean;
  tags: string[]; // all of them (tag=…&tag=…)
};

export const EMPTY_FILTERS: TicketFilterValues = {
  status: [],
  priority: [],
  assignee: '',
  text: '',
  includeDone: false,
  tags: [],
};

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
      <FormControlLabel
        control={<Switch checked={value.includeDone} onChange={(event) => set('includeDone', event.target.checked)} />}
        label="Show closed"
      />
    </Stack>
  );
};
