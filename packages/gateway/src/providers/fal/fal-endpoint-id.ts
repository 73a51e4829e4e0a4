/** fal's own namespaces, whose endpoint ids carry one more leading segment (SDK `parseEndpointId`). */
const namespaces = ['workflows', 'comfy'];

const endpointPattern = /^[A-Za-z0-9][\w.-]*(\/[\w.-]+)+$/;

export function isFalEndpointId(id: string): boolean {
  return endpointPattern.test(id) && !id.split('/').includes('..');
}

/**
 * The app part of an endpoint id: status, result and cancel live under `{owner}/{alias}` only
 * (`fal-ai/pika/v2.2/text-to-video` → `fal-ai/pika`), as the official client builds them.
 */
export function falAppPath(endpointId: string): string {
  const parts = endpointId.split('/');
  const namespaced = namespaces.includes(parts[0] ?? '');
  return parts.slice(0, namespaced ? 3 : 2).join('/');
}
