export { runwayProvider } from './runway-provider.js';
