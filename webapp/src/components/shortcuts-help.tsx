import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import { useState } from 'react';
import { useShortcuts } from '@/hooks/use-shortcuts';

/** Every keyboard shortcut of the workspace, as the ? dialog lists them. */
export const SHORTCUTS: { keys: string; what: string; where: string }[] = [
  { keys: 'j', what: 'Next ticket', where: 'Ticket list' },
  { keys: 'k', what: 'Previous ticket', where: 'Ticket list' },
  { keys: 'Enter', what: 'Open the highlighted ticket', where: 'Ticket list' },
  { keys: '/', what: 'Search', where: 'Ticket list' },
  { keys: 'r', what: 'Write a reply', where: 'Ticket' },
  { keys: 'n', what: 'Write an internal note', where: 'Ticket' },
  { keys: '?', what: 'Show these shortcuts', where: 'Everywhere' },
];

/** The ? dialog: press ? anywhere in the workspace (outside a text field) to see the shortcuts. */
export const ShortcutsHelp = () => {
  const [open, setOpen] = useState(false);
  useShortcuts({ '?': () => setOpen(true) });
  return (
    <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="shortcuts-title">
      <DialogTitle id="shortcuts-title">Keyboard shortcuts</DialogTitle>
      <DialogContent>
        <Table size="small" aria-label="Keyboard shortcuts">
          <TableBody>
            {SHORTCUTS.map((shortcut) => (
              <TableRow key={shortcut.keys}>
                <TableCell>
                  <kbd>{shortcut.keys}</kbd>
                </TableCell>
                <TableCell>{shortcut.what}</TableCell>
                <TableCell sx={{ color: 'text.secondary' }}>{shortcut.where}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </DialogContent>
    </Dialog>
  );
};
