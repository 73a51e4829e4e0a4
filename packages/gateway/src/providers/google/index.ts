export { googleProvider } from './google-provider.js';
