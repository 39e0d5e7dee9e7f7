import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { keepPreviousData } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { useListTags } from '@/api/generated/endpoints/tickets/tickets';

/**
 * A tag as the server stores it: trimmed, inner whitespace runs as one '-', lower case (the
 * server's Tags.normalize, which also refuses blank, over-long and comma tags).
 */
export const normalizeTag = (raw: string) => raw.trim().replace(/\s+/g, '-').toLowerCase();

/** The tags normalized, without blanks and duplicates, in the order they were given. */
export const normalizeTags = (raw: readonly string[]) => [
  ...new Set(
    raw
      .flatMap((tag) => tag.split(','))
      .map(normalizeTag)
      .filter(Boolean),
  ),
];

type Props = {
  id: string;
  label: string;
  value: string[];
  onChange: (tags: string[]) => void;
  error?: string;
  placeholder?: string;
  minWidth?: number;
};

/**
 * Free-form tags with suggestions of the tags in use (GET /api/tags, most used first). Enter, a
 * comma or leaving the field adds what was typed; a chip's × removes it.
 */
export const TagInput = ({ id, label, value, onChange, error, placeholder, minWidth = 220 }: Props) => {
  const [input, setInput] = useState('');
  // Suggestions are asked for only while the list is open: a ticket page loads none.
  const [open, setOpen] = useState(false);
  const prefix = useDeferredValue(normalizeTag(input));
  const suggestions = useListTags(
    { prefix: prefix || undefined, limit: 10 },
    { query: { enabled: open, placeholderData: keepPreviousData, staleTime: 30_000 } },
  );
  const counts = new Map((suggestions.data ?? []).map((suggestion) => [suggestion.tag, suggestion.tickets]));
  const options = [...counts.keys()].filter((tag) => !value.includes(tag));

  return (
    <Autocomplete
      id={id}
      multiple
      freeSolo
      autoSelect
      open={open}
      onOpen={() => setOpen(true)}
      onClose={() => setOpen(false)}
      size="small"
      options={options}
      filterOptions={(shown) => shown}
      value={value}
      inputValue={input}
      onInputChange={(_, next, reason) => {
        if (reason === 'input' && next.includes(',')) {
          onChange(normalizeTags([...value, next]));
          setInput('');
          return;
        }
        setInput(next);
      }}
      onChange={(_, next) => onChange(normalizeTags(next))}
      renderOption={({ key, ...props }, option) => (
        <li key={key} {...props}>
          {option}
          <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 1 }}>
            {counts.get(option)}
          </Typography>
        </li>
      )}
      sx={{ minWidth }}
      renderInput={(params) => (
        <TextField
          {...params}
          label={label}
          placeholder={value.length === 0 ? placeholder : undefined}
          error={Boolean(error)}
          helperText={error}
        />
      )}
    />
  );
};
