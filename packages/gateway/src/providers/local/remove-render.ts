import { InvalidRequestError, type JSONValue } from '@vgw/spec';
import { rm } from 'node:fs/promises';
import type { LocalRenderSettings } from './local-settings.js';
import { isRenderProcess, killProcessGroup } from './process-control.js';
import { parseRenderOperation } from './render-operation.js';

/**
 * Deletes a render's job directory, killing the render first if it still runs. For the gateway
 * once it has copied the outputs into storage; a later doStart with the same key renders anew.
 */
export async function removeRender(settings: LocalRenderSettings, value: JSONValue): Promise<void> {
  const operation = parseRenderOperation(value, settings.workDir);
  if (operation == null) throw new InvalidRequestError('the stored operation is not valid', null);
  if (await isRenderProcess(operation.pid, operation.jobDir)) killProcessGroup(operation.pid);
  await rm(operation.jobDir, { recursive: true, force: true });
}
