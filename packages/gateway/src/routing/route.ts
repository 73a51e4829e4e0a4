import type { JSONObject } from '@vgw/spec';

export type RouteStrategy = 'fallback' | 'cheapest' | 'weighted';
export type RouteRequirement = 'imageInput' | 'seed' | 'audio';

export interface RouteTarget {
  /** Canonical model name (`runway/gen4.5`). */
  model: string;
  /** Only on weighted routes. */
  weight: number | null;
  providerOptions: JSONObject;
}

export interface QualityGate {
  minStabilityIndex: number;
  maxRerolls: number;
}

/** A name clients send as `model`, served by trying its targets in the order its strategy gives. */
export interface Route {
  name: string;
  strategy: RouteStrategy;
  targets: RouteTarget[];
  /** Failure codes that move on to the next target; null: the default set (fallback-policy). */
  fallbackOn: string[] | null;
  /** Targets estimated above this (integer micro-USD per second of video) are skipped. */
  maxMicroUsdPerSecond: number | null;
  requires: RouteRequirement[];
  qualityGate: QualityGate | null;
}

export interface RouteTable {
  find(name: string | null): Route | null;
  list(): Route[];
}

export function createRouteTable(routes: Route[]): RouteTable {
  const byName = new Map(routes.map((route) => [route.name, route]));
  return {
    find: (name) => (name != null ? (byName.get(name) ?? null) : null),
    list: () => [...byName.values()],
  };
}

export const noRoutes: RouteTable = createRouteTable([]);
