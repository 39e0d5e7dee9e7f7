import Autocomplete from '@mui/material/Autocomplete';
import Chip from '@mui/material/Chip';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useListContacts } from '@/api/generated/endpoints/contacts/contacts';
import type { ContactDto } from '@/api/generated/model';

/**
 * A quick check of one entry before the server's (which names the entry, e.g. `cc[1]`): an address,
 * with or without a name (`Jane Doe <jane@acme.example>`).
 */
export const looksLikeAddress = (entry: string): boolean => {
  const angle = /<([^<>]+)>\s*$/.exec(entry);
  const address = (angle ? angle[1] : entry).trim();
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address) || /^"[^"]+"@[^\s@]+\.[^\s@]+$/.test(address);
};

/** A contact as one entry: its name and address, the name quoted when it holds a special character. */
export const contactEntry = (contact: Pick<ContactDto, 'displayName' | 'email'>): string => {
  const name = contact.displayName.trim();
  if (!name || name === contact.email) return contact.email;
  const quoted = /[",.;:<>@()[\]\\]/.test(name) ? `"${name.replace(/["\\]/g, '\\$&')}"` : name;
  return `${quoted} <${contact.email}>`;
};

const SPLIT = /[,;\s]+$/;

/**
 * Recipients as chips (CC or BCC): typed addresses (Enter, comma or leaving the field adds one) or
 * contacts picked from the suggestions, which search contacts by name or address as one types.
 * An entry that is no address shows as a red chip and is named under the field; the server checks
 * every entry again.
 */
export const AddressField = ({
  label,
  value,
  onChange,
  serverErrors,
}: {
  label: string;
  value: string[];
  onChange: (entries: string[]) => void;
  serverErrors?: Record<number, string>;
}) => {
  const [text, setText] = useState('');
  const query = text.trim();
  const contacts = useListContacts(
    { text: query, limit: 8 },
    { query: { enabled: query.length >= 2, staleTime: 30_000 } },
  );
  const options = Array.isArray(contacts.data) ? contacts.data.map(contactEntry) : [];
  const bad = value.map((entry, index) =>
    serverErrors?.[index]
      ? serverErrors[index]
      : looksLikeAddress(entry)
        ? null
        : `"${entry}" is not an email address.`,
  );
  const firstProblem = bad.find((problem) => problem !== null) ?? null;
  const add = (entries: string[], base: string[] = value) => {
    const next = [...base];
    for (const raw of entries) {
      const entry = raw.trim().replace(SPLIT, '');
      if (entry && !next.includes(entry)) next.push(entry);
    }
    onChange(next);
  };

  return (
    <Autocomplete
      multiple
      freeSolo
      size="small"
      options={options}
      filterOptions={(all) => all.filter((option) => !value.includes(option))}
      value={value}
      inputValue={text}
      onInputChange={(_, next, reason) => {
        if (reason === 'input' && /[,;]$/.test(next)) {
          add([next]);
          setText('');
        } else {
          setText(next);
        }
      }}
      onChange={(_, next) => {
        add(next as string[], []);
        setText('');
      }}
      onBlur={() => {
        if (text.trim()) {
          add([text]);
          setText('');
        }
      }}
      renderValue={(entries, getItemProps) =>
        entries.map((entry, index) => {
          const { key, ...itemProps } = getItemProps({ index });
          return (
            <Chip
              key={key}
              size="small"
              label={entry}
              color={bad[index] ? 'error' : 'default'}
              variant={bad[index] ? 'outlined' : 'filled'}
              {...itemProps}
            />
          );
        })
      }
      renderInput={(params) => (
        <TextField {...params} label={label} error={firstProblem !== null} helperText={firstProblem ?? undefined} />
      )}
    />
  );
};
