export { minimaxProvider } from './minimax-provider.js';
