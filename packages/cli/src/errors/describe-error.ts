import {
  APIConnectionError,
  APIError,
  AuthenticationError,
  PollTimeoutError,
  VgwError,
} from '@vgw/sdk';
import { ConfigError, DataDirInUseError, GatewayError } from '@vgw/gateway';
import { CommanderError } from 'commander';
import { CliError, InterruptedError } from './cli-error.js';

export interface ErrorReport {
  /** One line, without the `vgw: ` prefix. */
  message: string;
  exitCode: number;
  /** True for errors the user cannot fix by changing what they typed: a bug or an outage. */
  unexpected: boolean;
}

export interface ErrorSituation {
  /** The remote gateway's URL, when the CLI talks to one. */
  baseURL: string | null;
  interrupted: boolean;
}

function oneLine(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' ');
}

function usageMessage(error: CommanderError): string {
  return oneLine(error.message.replace(/^error: /, ''));
}

function apiMessage(error: APIError): string {
  const text =
    error.error?.message != null && error.error.message !== ''
      ? error.error.message
      : error.message;
  const param = error.param != null ? ` (param: ${error.param})` : '';
  if (error instanceof AuthenticationError) {
    return `authentication failed: ${text}; check VGW_API_KEY`;
  }
  if (error.status >= 500) return `the gateway failed (${error.status}): ${text}${param}`;
  return `${text}${param}`;
}

function connectionMessage(error: APIConnectionError, baseURL: string | null): string {
  const where = baseURL ?? 'the embedded gateway';
  const reason = error.message.replace(/^Connection error: /, '');
  return `cannot reach the gateway at ${where} (${reason}); is it running?`;
}

function timeoutMessage(error: PollTimeoutError): string {
  const seconds = error.timeoutMs / 1000;
  const { id, status, progress } = error.video;
  return `gave up after ${seconds} s: video ${id} is still ${status} (${progress}%); check later with "vgw get ${id}"`;
}

function knownMessage(error: unknown, situation: ErrorSituation): string | null {
  if (error instanceof CliError) return error.message;
  if (error instanceof ConfigError || error instanceof DataDirInUseError) return error.message;
  if (error instanceof GatewayError) return error.message;
  if (error instanceof APIError) return apiMessage(error);
  if (error instanceof APIConnectionError) return connectionMessage(error, situation.baseURL);
  if (error instanceof PollTimeoutError) return timeoutMessage(error);
  return null;
}

/** How an error is shown to the user: the CLI's own words, one line, and an exit code. */
export function describeError(error: unknown, situation: ErrorSituation): ErrorReport {
  // Whatever broke once the user interrupted is a consequence of the interrupt.
  if (situation.interrupted && !(error instanceof InterruptedError)) {
    return describeError(new InterruptedError(), { ...situation, interrupted: false });
  }
  if (error instanceof CommanderError) {
    return { message: usageMessage(error), exitCode: 2, unexpected: false };
  }
  const known = knownMessage(error, situation);
  if (known != null) {
    const exitCode = error instanceof CliError ? error.exitCode : 1;
    return { message: oneLine(known), exitCode, unexpected: false };
  }
  // SDK errors without a status (a non-JSON reply, …) still describe themselves well.
  const text = error instanceof Error ? error.message : String(error);
  const prefix = error instanceof VgwError ? '' : 'internal error: ';
  return { message: oneLine(`${prefix}${text}`), exitCode: 1, unexpected: true };
}
