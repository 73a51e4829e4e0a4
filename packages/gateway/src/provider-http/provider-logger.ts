/** The slice of a pino-style logger that providers use; injected, never imported. */
export interface ProviderLogger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

const ignore = (): void => {};

/** Used when the caller injects no logger. */
export const silentLogger: ProviderLogger = { info: ignore, warn: ignore, error: ignore };
