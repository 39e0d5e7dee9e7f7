import { ApiError, apiFetch } from '@/lib/api-client';

/**
 * POSTs a JSON body with files as multipart/form-data: the JSON as part `part` (typed
 * application/json, as the API's @RequestPart expects) and each file as a part `files`. The browser
 * sets the boundary; apiFetch adds the CSRF header and turns errors into ApiError.
 */
export const postWithFiles = <T>(
  url: string,
  part: string,
  json: unknown,
  files: File[],
  inline?: Record<string, string>,
): Promise<T> => {
  const form = new FormData();
  form.append(part, new Blob([JSON.stringify(json)], { type: 'application/json' }));
  files.forEach((file) => form.append('files', file, file.name));
  // Inline images (a reply's pasted ones): part `inline`, JSON file name → content id.
  if (inline && Object.keys(inline).length > 0) {
    form.append('inline', new Blob([JSON.stringify(inline)], { type: 'application/json' }));
  }
  return apiFetch<T>(url, { method: 'POST', body: form });
};

/** 1536 → "1.5 KB": sizes for file chips. */
export const formatBytes = (bytes: number | null | undefined): string => {
  if (bytes == null) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
};

/** The server's message when it refused one of the files (field `files`, `files[i]` or `inline`). */
export const fileErrorOf = (error: unknown): string | undefined =>
  error instanceof ApiError && (error.field?.startsWith('files') || error.field === 'inline')
    ? error.message
    : undefined;
