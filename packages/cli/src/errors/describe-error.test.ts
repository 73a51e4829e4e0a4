import { ConfigError, DataDirInUseError } from '@vgw/gateway';
import {
  APIConnectionError,
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  VgwError,
} from '@vgw/sdk';
import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { CliError, InterruptedError, UsageError } from './cli-error.js';
import { describeError } from './describe-error.js';

const remote = { baseURL: 'http://gateway.test/v1', interrupted: false };

function apiError<ErrorClass extends typeof BadRequestError>(
  ErrorClass: ErrorClass,
  status: number,
  error: { message: string; param: string | null },
) {
  return new ErrorClass({
    status,
    headers: new Headers(),
    body: null,
    error: { ...error, type: 'invalid_request_error', code: null },
    message: `${status} ${error.message}`,
  });
}

describe('describeError', () => {
  it('shows an API error with its param, without the status', () => {
    const error = apiError(BadRequestError, 400, {
      message: 'seconds must be 1-20',
      param: 'seconds',
    });
    expect(describeError(error, remote)).toEqual({
      message: 'seconds must be 1-20 (param: seconds)',
      exitCode: 1,
      unexpected: false,
    });
  });

  it('points at VGW_API_KEY on a 401', () => {
    const error = apiError(AuthenticationError, 401, {
      message: 'invalid or revoked API key',
      param: null,
    });
    expect(describeError(error, remote).message).toBe(
      'authentication failed: invalid or revoked API key; check VGW_API_KEY',
    );
  });

  it('says the gateway failed on a 5xx', () => {
    const error = apiError(InternalServerError, 500, {
      message: 'internal server error',
      param: null,
    });
    expect(describeError(error, remote).message).toBe(
      'the gateway failed (500): internal server error',
    );
  });

  it('names the URL it could not reach', () => {
    const error = new APIConnectionError('Connection error: fetch failed (connect ECONNREFUSED)');
    expect(describeError(error, remote).message).toBe(
      'cannot reach the gateway at http://gateway.test/v1 (fetch failed (connect ECONNREFUSED)); is it running?',
    );
  });

  it('keeps the gateway’s own words for config and lock errors', () => {
    expect(describeError(new ConfigError('invalid configuration (x): port: bad'), remote)).toEqual({
      message: 'invalid configuration (x): port: bad',
      exitCode: 1,
      unexpected: false,
    });
    expect(describeError(new DataDirInUseError('the data dir is in use'), remote).message).toBe(
      'the data dir is in use',
    );
  });

  it('uses the exit code a CliError carries and joins lines', () => {
    expect(describeError(new UsageError('bad\nflag'), remote)).toEqual({
      message: 'bad flag',
      exitCode: 2,
      unexpected: false,
    });
    expect(describeError(new CliError('nope'), remote).exitCode).toBe(1);
  });

  it('maps commander errors to exit 2 without the "error:" prefix', () => {
    const error = new CommanderError(1, 'commander.unknownOption', "error: unknown option '--x'");
    expect(describeError(error, remote)).toEqual({
      message: "unknown option '--x'",
      exitCode: 2,
      unexpected: false,
    });
  });

  it('reports anything after an interrupt as the interrupt, exit 130', () => {
    const situation = { ...remote, interrupted: true };
    expect(describeError(new Error('aborted'), situation)).toEqual({
      message: 'interrupted',
      exitCode: 130,
      unexpected: false,
    });
    expect(
      describeError(new InterruptedError('interrupted; video v is queued'), situation).message,
    ).toBe('interrupted; video v is queued');
  });

  it('flags unknown errors as unexpected', () => {
    expect(describeError(new TypeError('x is undefined'), remote)).toEqual({
      message: 'internal error: x is undefined',
      exitCode: 1,
      unexpected: true,
    });
    expect(describeError(new VgwError('Expected JSON from GET /videos'), remote).message).toBe(
      'Expected JSON from GET /videos',
    );
  });
});
