import { timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import type { EmulatorDefinition } from '../emulator-definition.js';
import { createState } from './minimax-emulator-state.js';
import { minimaxV1Routes } from './minimax-emulator-v1.js';
import { minimaxV2Routes, v2Error } from './minimax-emulator-v2.js';

function keyMatches(header: string | undefined, apiKey: string): boolean {
  const given = Buffer.from(header?.startsWith('Bearer ') === true ? header.slice(7).trim() : '');
  const expected = Buffer.from(apiKey);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** MiniMax's video APIs: v1 (Hailuo, base_resp envelope) and v2 (MiniMax-H3), one Bearer key. */
export const minimaxEmulator: EmulatorDefinition = {
  provider: 'minimax',
  createApp(context) {
    const app = new Hono();
    const state = createState(context);
    app.use('/v1/*', async (hono, next) => {
      if (keyMatches(hono.req.header('authorization'), context.apiKey)) return next();
      const message = 'login fail: Please carry the API secret key in the Authorization field';
      return hono.json({ base_resp: { status_code: 1004, status_msg: message } }, 401);
    });
    app.use('/v2/*', async (hono, next) => {
      if (keyMatches(hono.req.header('authorization'), context.apiKey)) return next();
      return v2Error(hono, 401, 'authentication_error', 'invalid api key');
    });
    app.route('/', minimaxV1Routes(state));
    app.route('/', minimaxV2Routes(state));
    return app;
  },
};
