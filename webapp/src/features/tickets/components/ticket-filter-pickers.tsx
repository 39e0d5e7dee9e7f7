import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { useDeferredValue, useState } from 'react';
import { useGetContact, useListContacts } from '@/api/generated/endpoints/contacts/contacts';
import { useListMailboxes } from '@/api/generated/endpoints/mailboxes/mailboxes';
import { useListOrganizations } from '@/api/generated/endpoints/organizations/organizations';
import type { ContactDto, OrganizationDto } from '@/api/generated/model';

/**
 * The mailboxes for the mailbox filter, loaded once the menu is opened or a mailbox is already
 * chosen (from the URL or a saved view): the plain list costs no request.
 */
export const useMailboxOptions = (chosen: boolean) => {
  const [opened, setOpened] = useState(false);
  const mailboxes = useListMailboxes({ query: { enabled: opened || chosen, staleTime: 60_000 } });
  const options = mailboxes.data ?? [];
  return {
    options,
    loading: mailboxes.isFetching,
    load: () => setOpened(true),
    nameOf: (id: number) => options.find((mailbox) => mailbox.id === id)?.email ?? `#${id}`,
  };
};

/** Organizations (any of them), picked by name from GET /api/organizations. */
export const OrganizationFilter = ({ value, onChange }: { value: number[]; onChange: (ids: number[]) => void }) => {
  const [opened, setOpened] = useState(false);
  const organizations = useListOrganizations(undefined, {
    query: { enabled: opened || value.length > 0, staleTime: 60_000 },
  });
  const options = organizations.data ?? [];
  // A chosen id not (yet) in the list keeps a placeholder, so it stays in the filter.
  const chosen = value.map(
    (id) => options.find((organization) => organization.id === id) ?? ({ id, name: `#${id}` } as OrganizationDto),
  );
  return (
    <Autocomplete
      multiple
      size="small"
      id="filter-organization"
      options={options}
      value={chosen}
      loading={organizations.isFetching}
      onOpen={() => setOpened(true)}
      onChange={(_, next) => onChange(next.map((organization) => organization.id))}
      getOptionLabel={(organization) => organization.name}
      isOptionEqualToValue={(option, chosenOne) => option.id === chosenOne.id}
      renderInput={(params) => <TextField {...params} label="Organization" />}
      sx={{ minWidth: 200 }}
    />
  );
};

const contactLabel = (contact: ContactDto) =>
  contact.displayName ? `${contact.displayName} <${contact.email}>` : contact.email;

/** One reporter, searched by name or address in GET /api/contacts?text=… as one types. */
export const ReporterFilter = ({
  value,
  onChange,
}: {
  value: number | null;
  onChange: (id: number | null) => void;
}) => {
  const [input, setInput] = useState('');
  const typed = useDeferredValue(input.trim());
  const chosen = useGetContact(value ?? 0, { query: { enabled: value != null, staleTime: 60_000 } });
  const found = useListContacts({ text: typed, limit: 10 }, { query: { enabled: typed.length > 0 } });
  const current =
    value == null ? null : chosen.data?.id === value ? chosen.data : ({ id: value, email: `#${value}` } as ContactDto);
  const options = found.data ?? [];
  return (
    <Autocomplete
      size="small"
      id="filter-reporter"
      options={current && !options.some((contact) => contact.id === current.id) ? [current, ...options] : options}
      value={current}
      filterOptions={(all) => all} // the server searched already
      onInputChange={(_, next, reason) => reason === 'input' && setInput(next)}
      onChange={(_, next) => onChange(next?.id ?? null)}
      getOptionLabel={contactLabel}
      isOptionEqualToValue={(option, chosenOne) => option.id === chosenOne.id}
      noOptionsText={typed ? 'No such contact' : 'Type a name or address'}
      loading={found.isFetching}
      renderInput={(params) => (
        <TextField {...params} label="Reporter" placeholder={current ? undefined : 'Name or address'} />
      )}
      sx={{ minWidth: 240 }}
    />
  );
};
