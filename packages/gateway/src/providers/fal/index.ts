export { falProvider } from './fal-provider.js';
