/**
 * The one fetch wrapper every request goes through (Orval's mutator). Same-origin cookies carry the
 * session; every non-GET echoes the XSRF-TOKEN cookie as X-XSRF-TOKEN (Spring Security's CSRF
 * contract). A non-2xx answer becomes an ApiError carrying the RFC 9457 ProblemDetail.
 */
export type ProblemDetail = {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  field?: string;
  [extra: string]: unknown;
};

export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemDetail;

  constructor(status: number, problem: ProblemDetail) {
    super(problem.detail ?? problem.title ?? `Request failed (${status})`);
    this.status = status;
    this.problem = problem;
  }

  /** The request field the server blamed, e.g. "comment" or "pendingFor". */
  get field(): string | undefined {
    return this.problem.field;
  }
}

type UnauthorizedListener = () => void;
let onUnauthorized: UnauthorizedListener = () => {};

/** The auth feature registers where a 401 sends the user (the login page). */
export const setUnauthorizedHandler = (listener: UnauthorizedListener) => {
  onUnauthorized = listener;
};

export const readCookie = (name: string): string | undefined =>
  document.cookie
    .split('; ')
    .find((entry) => entry.startsWith(`${name}=`))
    ?.slice(name.length + 1);

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const apiFetch = async <T>(url: string, options: RequestInit = {}): Promise<T> => {
  const method = (options.method ?? 'GET').toUpperCase();
  const headers = new Headers(options.headers);
  headers.set('Accept', 'application/json, application/problem+json');
  if (!SAFE_METHODS.has(method)) {
    const token = readCookie('XSRF-TOKEN');
    if (token) headers.set('X-XSRF-TOKEN', decodeURIComponent(token));
  }
  const response = await fetch(url, { ...options, method, headers, credentials: 'same-origin' });
  const text = await response.text();
  const body = text ? safeJson(text) : undefined;
  if (!response.ok) {
    if (response.status === 401 && !url.startsWith('/api/auth/')) onUnauthorized();
    const problem: ProblemDetail =
      body && typeof body === 'object' ? (body as ProblemDetail) : { title: response.statusText };
    throw new ApiError(response.status, { status: response.status, ...problem });
  }
  return body as T;
};

const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return { detail: text };
  }
};

export default apiFetch;

/**
 * Where a failed request's message belongs on a form: under the input the ProblemDetail's `field`
 * names (at most one), else above the form as a whole. Empty for no error.
 */
export type FormErrors<F extends string> = {
  fields: Partial<Record<F, string>>;
  form?: string;
};

/**
 * Places `error` on one of the form's `fields`, or on the input `renamed` maps the server's field
 * to ("assigneeId" → "assignee"); a field the form does not have, or no field, goes to `form`.
 */
export const formErrorsOf = <F extends string>(
  error: unknown,
  fields: readonly F[],
  renamed: Partial<Record<string, F>> = {},
): FormErrors<F> => {
  if (error == null) return { fields: {} };
  const blamed = error instanceof ApiError ? error.field : undefined;
  const input = !blamed
    ? undefined
    : Object.hasOwn(renamed, blamed)
      ? renamed[blamed]
      : fields.find((field) => field === blamed);
  if (input) return { fields: { [input]: (error as ApiError).message } as Partial<Record<F, string>> };
  return { fields: {}, form: error instanceof Error ? error.message : String(error) };
};

/** Orval types every generated hook's error with this. */
export type ErrorType<_Body = unknown> = ApiError;
