export { lumaProvider } from './luma-provider.js';
