import type { JSONObject } from '@vgw/spec';

/** The request's options for one provider (`provider_options.<provider>`), or none. */
export function requestOptionsFor(providerOptions: JSONObject, provider: string): JSONObject {
  const options = Object.hasOwn(providerOptions, provider) ? providerOptions[provider] : null;
  return options != null && typeof options === 'object' && !Array.isArray(options) ? options : {};
}

/**
 * What the adapter receives: the operator's options for the target (a route's), with the
 * request's own options for that provider over them, key by key.
 */
export function mergedProviderOptions(
  targetOptions: JSONObject,
  requestOptions: JSONObject,
  provider: string,
): JSONObject {
  return { ...targetOptions, ...requestOptionsFor(requestOptions, provider) };
}
