import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useListMacroPlaceholders } from '@/api/generated/endpoints/macros/macros';

/** The placeholders a macro or a signature may use, each with its description as a tooltip. */
export const PlaceholderList = ({ children }: { children?: ReactNode }) => {
  const placeholders = useListMacroPlaceholders();
  return (
    <Typography variant="body2" color="text.secondary" component="div" aria-label="Placeholders">
      Placeholders:{' '}
      {placeholders.data?.map((placeholder) => (
        <span key={placeholder.name} title={placeholder.description} style={{ marginRight: 8 }}>
          <code>{`{{${placeholder.name}}}`}</code>
        </span>
      ))}
      {children}
    </Typography>
  );
};
