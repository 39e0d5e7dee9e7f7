import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import Button from '@mui/material/Button';

type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];

/**
 * `path` with `params` as its query, the way the generated API client writes a list's parameters:
 * arrays as one parameter per value, empty values and false flags left out (the server's default).
 */
export const downloadUrl = (path: string, params: Record<string, QueryValue> = {}): string => {
  const query = new URLSearchParams();
  Object.entries(params).forEach(([name, value]) => {
    if (value == null || value === '' || value === false) return;
    (Array.isArray(value) ? value : [value]).forEach((one) => query.append(name, String(one)));
  });
  const search = query.toString();
  return search ? `${path}?${search}` : path;
};

/**
 * A download of an export endpoint: a plain link (the session cookie signs the GET in; the server
 * names the file in Content-Disposition), so a million-row CSV streams to disk instead of memory.
 */
export const DownloadLink = ({ href, children }: { href: string; children: string }) => (
  <Button component="a" href={href} download size="small" variant="outlined" startIcon={<FileDownloadOutlined />}>
    {children}
  </Button>
);
