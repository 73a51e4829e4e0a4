import type {
  JSONObject,
  JSONValue,
  VideoCallOptions,
  VideoStartResult,
  VideoStatusResult,
} from '@vgw/spec';
import { ProviderVideoModel } from '../provider-video-model.js';
import { cancelRender } from './cancel-render.js';
import { localProviderName, type LocalModelId } from './local-models.js';
import { parseLocalOptions } from './local-options.js';
import type { LocalRenderSettings } from './local-settings.js';
import { removeRender } from './remove-render.js';
import { renderStatus } from './render-status.js';
import { startRender } from './start-render.js';

/**
 * The offline engine: each start spawns one detached ffmpeg render into its own job
 * directory; status checks and cancels only read that directory and signal the process.
 */
export class LocalVideoModel extends ProviderVideoModel<LocalModelId, LocalRenderSettings> {
  readonly provider = localProviderName;

  parseOptions(providerOptions: JSONObject): void {
    parseLocalOptions(providerOptions);
  }

  doStart(options: VideoCallOptions): Promise<VideoStartResult> {
    return startRender(this.settings, options);
  }

  doStatus(args: { operation: JSONValue }): Promise<VideoStatusResult> {
    return renderStatus(this.settings, args.operation);
  }

  doCancel(args: { operation: JSONValue }): Promise<void> {
    return cancelRender(this.settings, args.operation);
  }

  doCleanup(args: { operation: JSONValue }): Promise<void> {
    return removeRender(this.settings, args.operation);
  }
}
