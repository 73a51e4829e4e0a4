export { comfyuiProvider } from './comfyui-provider.js';
