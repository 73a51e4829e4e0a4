import type { DynamicDegree } from './dynamic-degree.js';

/**
 * Each component is mapped to a 0–1 "goodness" and the index is `100 · Σ weight · goodness`.
 * Scales are set from the fixtures of temporal-metrics.md §2.2 (640×360, analysed at 160×90) so
 * that the clean clip lands near the top and each defect pulls its component close to 0:
 * - warp error: exp(−e / 0.0035) — clean 4.2e-4 → 0.89, noise 2.0e-3 → 0.57, flicker 1.5e-2 → 0.01;
 * - luma flicker: exp(−d / 5) — clean 0.2 → 0.96, brightness pumping ≈ 55 → 0;
 * - camera jitter (px at the analysis size): exp(−j / 0.3125) — clean 0.013 → 0.96, shake ≈ 4.5 → 0;
 * - motion smoothness: VBench's normalisation (s − 0.706) / (0.9975 − 0.706), clamped;
 * - freeze: 1 − frozen fraction.
 */
// Re-set when the analysis size went from 256 to 160 px (docs/quality.md, Cost): jitter is in
// pixels of the analysis size (0.5 · 160/256), and the smaller size averages some noise away
// from the warp error, so its scale keeps the clean clip at 0.89 and noise near 0.5.
export const warpingErrorScale = 0.0035;
export const cameraJitterScale = 0.3125;

export const stabilityWeights = {
  warpingError: 0.35,
  lumaFlicker: 0.15,
  cameraJitter: 0.2,
  motionSmoothness: 0.2,
  freeze: 0.1,
} as const;

/** Null where the clip is too short for the metric (fewer than 3 frames): its weight is dropped. */
export interface StabilityInputs {
  warpingError: number;
  lumaFlicker: number | null;
  cameraJitter: number | null;
  motionSmoothness: number | null;
  frozenFraction: number;
}

export interface StabilityIndex {
  /** 0–100, higher = more stable. Meaningless without `dynamicDegree`: a frozen clip scores high. */
  value: number;
  components: Record<keyof typeof stabilityWeights, number | null>;
  weights: typeof stabilityWeights;
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}

export function stabilityComponents(inputs: StabilityInputs): StabilityIndex['components'] {
  return {
    warpingError: Math.exp(-inputs.warpingError / warpingErrorScale),
    lumaFlicker: inputs.lumaFlicker == null ? null : Math.exp(-inputs.lumaFlicker / 5),
    cameraJitter:
      inputs.cameraJitter == null ? null : Math.exp(-inputs.cameraJitter / cameraJitterScale),
    motionSmoothness:
      inputs.motionSmoothness == null
        ? null
        : clamp01((inputs.motionSmoothness - 0.706) / (0.9975 - 0.706)),
    freeze: clamp01(1 - inputs.frozenFraction),
  };
}

/** The index, always returned with the dynamic degree it must be read against. */
export function stabilityIndex(
  inputs: StabilityInputs,
  dynamicDegree: DynamicDegree,
): { index: StabilityIndex; dynamicDegree: DynamicDegree } {
  const components = stabilityComponents(inputs);
  let total = 0;
  let weightUsed = 0;
  for (const key of Object.keys(stabilityWeights) as (keyof typeof stabilityWeights)[]) {
    const component = components[key];
    if (component == null) continue;
    total += stabilityWeights[key] * component;
    weightUsed += stabilityWeights[key];
  }
  const value = weightUsed === 0 ? 0 : Math.round((total / weightUsed) * 1000) / 10;
  return { index: { value, components, weights: stabilityWeights }, dynamicDegree };
}
