/** Success/failure of a call that crosses a context boundary; errors are data, never thrown across. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

export type ErrorCode =
  | 'bad-request' // malformed message
  | 'forbidden' // wrong sender for this message type
  | 'not-found'
  | 'unavailable' // e.g. the database could not be opened
  | 'internal';

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});

export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  return typeof e === 'string' ? e : 'unknown error';
}
