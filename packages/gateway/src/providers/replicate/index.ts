export { replicateProvider } from './replicate-provider.js';
