#!/usr/bin/env node
// The CLI is TypeScript run as is: tsx compiles it on load, so there is no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
await main(process.argv);
