import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';

/** A ticket's tags as small chips; nothing at all for a ticket without tags. */
export const TagChips = ({ tags, label = 'Tags' }: { tags: string[] | undefined; label?: string }) =>
  !tags || tags.length === 0 ? null : (
    <Stack
      component="ul"
      direction="row"
      spacing={0.5}
      useFlexGap
      aria-label={label}
      sx={{ flexWrap: 'wrap', listStyle: 'none', p: 0, m: 0 }}
    >
      {tags.map((tag) => (
        <li key={tag}>
          <Chip label={tag} size="small" variant="outlined" />
        </li>
      ))}
    </Stack>
  );
