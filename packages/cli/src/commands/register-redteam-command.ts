import { redteamScreen } from '@vgw/gateway';
import { loadContextConfig } from '../client/open-gateway.js';
import { createRedteamCommand } from './redteam-command.js';

/** `vgw redteam` over the real policy engine, built in-process from the configured pack. */
export const registerRedteamCommand = createRedteamCommand({
  loadScreen: async (policyFile, context) =>
    redteamScreen(await loadContextConfig(context), policyFile),
});
