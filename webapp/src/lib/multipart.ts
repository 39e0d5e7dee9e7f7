import { ApiError, apiFetch } from '@/lib/api-client';

/**
 * POSTs a JSON body with files as multipart/form-data: the JSON as part `part` (typed
 * application/json, as the API's @RequestPart expects) and each file as a part `files`. The browser
 * sets the boundary; apiFetch adds the CSRF header and turns errors into ApiError.
 */
export const postWithFiles = <T>(url: string, part: string, json: unknown, files: File[]): Promise<T> => {
  const form = new FormData();
  form.append(part, new Blob([JSON.stringify(json)], { type: 'application/json' }));
  files.forEach((file) => form.append('files', file, file.name));
  return apiFetch<T>(url, { method: 'POST', body: form });
};

/** 1536 → "1.5 KB": sizes for file chips. */
export const formatBytes = (bytes: number | null | undefined): string => {
  if (bytes == null) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
};

/** The server's message when it refused one of the files (field `files` or `files[i]`). */
export const fileErrorOf = (error: unknown): string | undefined =>
  error instanceof ApiError && error.field?.startsWith('files') ? error.message : undefined;
