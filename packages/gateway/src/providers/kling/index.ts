export { klingProvider } from './kling-provider.js';
