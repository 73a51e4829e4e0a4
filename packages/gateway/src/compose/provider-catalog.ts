import { comfyuiProvider } from '../providers/comfyui/index.js';
import { falProvider } from '../providers/fal/index.js';
import { googleProvider } from '../providers/google/index.js';
import { klingProvider } from '../providers/kling/index.js';
import { lumaProvider } from '../providers/luma/index.js';
import { minimaxProvider } from '../providers/minimax/index.js';
import { openaiProvider } from '../providers/openai/index.js';
import type { ProviderDefinition } from '../providers/provider-definition.js';
import { replicateProvider } from '../providers/replicate/index.js';
import { runwayProvider } from '../providers/runway/index.js';

/** Every remote adapter the gateway knows; each is configured by its credentials. */
export const providerCatalog: ProviderDefinition[] = [
  openaiProvider,
  runwayProvider,
  lumaProvider,
  googleProvider,
  klingProvider,
  minimaxProvider,
  falProvider,
  replicateProvider,
  comfyuiProvider,
];
