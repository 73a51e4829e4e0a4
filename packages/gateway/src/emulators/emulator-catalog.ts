import { comfyuiEmulator } from './comfyui/comfyui-emulator.js';
import type { EmulatorDefinition } from './emulator-definition.js';
import { falEmulator } from './fal/fal-emulator.js';
import { googleEmulator } from './google/google-emulator.js';
import { klingEmulator } from './kling/kling-emulator.js';
import { lumaEmulator } from './luma/luma-emulator.js';
import { minimaxEmulator } from './minimax/minimax-emulator.js';
import { openaiEmulator } from './openai/openai-emulator.js';
import { replicateEmulator } from './replicate/replicate-emulator.js';
import { runwayEmulator } from './runway/runway-emulator.js';

/** Every provider API vgw can emulate offline (`vgw emulate <provider>`). */
export const emulatorCatalog: EmulatorDefinition[] = [
  openaiEmulator,
  runwayEmulator,
  lumaEmulator,
  googleEmulator,
  klingEmulator,
  minimaxEmulator,
  falEmulator,
  replicateEmulator,
  comfyuiEmulator,
];
