import AttachFileIcon from '@mui/icons-material/AttachFile';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useId, useRef, useState, type DragEvent } from 'react';
import { formatBytes } from '@/lib/multipart';

/**
 * Files chosen for a message: an "Attach files" button and a drop zone, and a chip per chosen file
 * (name and size) that removes it. The server checks the files (size, blocked types) when the
 * message is sent.
 */
export const FilePicker = ({
  files,
  onChange,
  error,
}: {
  files: File[];
  onChange: (files: File[]) => void;
  error?: string;
}) => {
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const [over, setOver] = useState(false);
  const add = (added: FileList | null) => {
    if (added && added.length > 0) onChange([...files, ...Array.from(added)]);
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    add(event.dataTransfer.files);
  };
  return (
    <Box
      data-testid="file-drop-zone"
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      sx={{
        border: '1px dashed',
        borderColor: error ? 'error.main' : over ? 'primary.main' : 'divider',
        bgcolor: over ? 'action.hover' : 'transparent',
        borderRadius: 1,
        p: 1,
      }}
    >
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <input
          ref={input}
          id={inputId}
          type="file"
          multiple
          hidden
          aria-label="Attach files"
          onChange={(event) => {
            add(event.target.files);
            event.target.value = '';
          }}
        />
        <Button size="small" startIcon={<AttachFileIcon />} onClick={() => input.current?.click()}>
          Attach files
        </Button>
        {files.length === 0 && (
          <Typography variant="caption" color="text.secondary">
            or drop them here
          </Typography>
        )}
        {files.map((file, index) => (
          <Chip
            key={`${file.name}-${index}`}
            size="small"
            label={`${file.name} (${formatBytes(file.size)})`}
            onDelete={() => onChange(files.filter((_, i) => i !== index))}
          />
        ))}
      </Stack>
      {error && (
        <Typography variant="caption" color="error" role="alert">
          {error}
        </Typography>
      )}
    </Box>
  );
};
