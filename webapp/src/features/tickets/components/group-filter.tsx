import FormControl from '@mui/material/FormControl';
import InputLabel from '@mui/material/InputLabel';
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';
import { useState } from 'react';
import { useListGroups } from '@/api/generated/endpoints/groups/groups';

type Props = { value: number[]; onChange: (ids: number[]) => void };

/**
 * The ticket list's group filter (any of the chosen groups). The groups are loaded once the menu
 * opens or a group is already chosen (from the URL or a saved view): the plain list costs no request.
 */
export const GroupFilter = ({ value, onChange }: Props) => {
  const [opened, setOpened] = useState(false);
  const groups = useListGroups(undefined, { query: { enabled: opened || value.length > 0, staleTime: 60_000 } });
  const options = groups.data ?? [];
  const nameOf = (id: number) => options.find((group) => group.id === id)?.name ?? `#${id}`;
  return (
    <FormControl size="small" sx={{ minWidth: 160 }}>
      <InputLabel id="filter-group-label">Group</InputLabel>
      <Select
        labelId="filter-group-label"
        label="Group"
        multiple
        value={value}
        onOpen={() => setOpened(true)}
        onChange={(event) => onChange((event.target.value as (number | string)[]).map(Number))}
        renderValue={(ids) => ids.map(nameOf).join(', ')}
      >
        {options.map((group) => (
          <MenuItem key={group.id} value={group.id}>
            {group.name}
          </MenuItem>
        ))}
        {options.length === 0 && (
          <MenuItem disabled value="">
            {groups.isFetching ? 'Loading…' : 'No groups'}
          </MenuItem>
        )}
      </Select>
    </FormControl>
  );
};
