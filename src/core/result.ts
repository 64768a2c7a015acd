/** Success/failure of a call that crosses a context boundary; errors are data, never thrown across. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

export type ErrorCode =
  | 'bad-request' // malformed message
  | 'forbidden' // wrong sender for this message type
  | 'not-found'
  | 'unavailable' // e.g. the database could not be opened
  | 'read-only' // storage cannot be written now (blocked upgrade, full disk): nothing was changed
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

/** An error a handler throws on purpose, with the code its caller gets (not logged as a failure). */
export class CodedError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  return typeof e === 'string' ? e : 'unknown error';
}
