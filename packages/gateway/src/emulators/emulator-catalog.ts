import type { EmulatorDefinition } from './emulator-definition.js';

/** Every provider API vgw can emulate offline (`vgw emulate <provider>`). */
export const emulatorCatalog: EmulatorDefinition[] = [];
