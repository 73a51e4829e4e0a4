import { InvalidRequestError, type JSONValue } from '@vgw/spec';
import type { LocalRenderSettings } from './local-settings.js';
import { isRenderProcess, killProcessGroup } from './process-control.js';
import { parseRenderOperation } from './render-operation.js';
import { markStopped } from './stop-marker.js';

/**
 * Kills the render's process group and records the cancellation, so every later status check
 * reports `cancelled` (the killed shell never writes its exit file).
 */
export async function cancelRender(settings: LocalRenderSettings, value: JSONValue): Promise<void> {
  const operation = parseRenderOperation(value, settings.workDir);
  if (operation == null) throw new InvalidRequestError('the stored operation is not valid', null);
  // Mark first: a status check racing with the kill then reads `cancelled`, not `interrupted`.
  await markStopped(operation.jobDir, 'cancelled');
  if (await isRenderProcess(operation.pid, operation.jobDir)) killProcessGroup(operation.pid);
  settings.logger.info({ jobDir: operation.jobDir }, 'local render cancelled');
}
