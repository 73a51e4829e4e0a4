import type { GlobalMotion } from './camera-jitter.js';
import { globalMotion } from './camera-jitter.js';
import { bhattacharyyaDistance, colourHistogram } from './colour-histogram.js';
import { topMotion } from './dynamic-degree.js';
import type { OpenCv } from './opencv-loader.js';
import type { FlowField } from './optical-flow.js';
import { computeFlow, flowMagnitudes } from './optical-flow.js';
import type { RawImage } from './raw-image.js';
import { toGray, topFractionMean } from './raw-image.js';
import { motionSmoothnessPair } from './motion-smoothness.js';
import { structuralSimilarity } from './ssim.js';
import { warpingErrorPair } from './warping-error.js';

interface AnalysedFrame {
  index: number;
  rgb: RawImage;
  gray: RawImage;
  histogram: Float64Array;
}

/** Everything the analysis-size pass measures: per-pair or per-frame series of plain numbers. */
export interface AnalysisSeries {
  frames: number;
  warpErrors: number[];
  /** Top-2 % flow magnitude per consecutive pair (VBench's static gate). */
  pairTopMotions: number[];
  firstLastTopMotions: [number, number];
  globalMotions: GlobalMotion[];
  consecutiveSsim: number[];
  pairHistogramDistances: number[];
  ssimToFirst: number[];
  histogramDistanceToFirst: number[];
  smoothnessErrors: number[];
  /** Top-5 % flow magnitude per ≈8 fps subsampled pair (dynamic degree). */
  dynamicTopMotions: number[];
}

/**
 * Consumes analysis-size RGB frames one at a time, keeping only the frames the metrics still
 * need (first, the last two, the last ≈8 fps sample), so memory stays flat for any clip length.
 */
export class AnalysisAccumulator {
  private first: AnalysedFrame | null = null;
  private previous: AnalysedFrame | null = null;
  private beforePrevious: AnalysedFrame | null = null;
  private lastSample: AnalysedFrame | null = null;
  private readonly series: AnalysisSeries = {
    frames: 0,
    warpErrors: [],
    pairTopMotions: [],
    firstLastTopMotions: [0, 0],
    globalMotions: [],
    consecutiveSsim: [],
    pairHistogramDistances: [],
    ssimToFirst: [],
    histogramDistanceToFirst: [],
    smoothnessErrors: [],
    dynamicTopMotions: [],
  };

  constructor(
    private readonly cv: OpenCv,
    private readonly frameStep: number,
  ) {}

  add(rgb: RawImage): void {
    const frame: AnalysedFrame = {
      index: this.series.frames,
      rgb,
      gray: toGray(rgb),
      histogram: colourHistogram(rgb),
    };
    this.first ??= frame;
    this.series.ssimToFirst.push(structuralSimilarity(this.first.gray, frame.gray));
    this.series.histogramDistanceToFirst.push(
      bhattacharyyaDistance(this.first.histogram, frame.histogram),
    );
    const forward = this.previous == null ? null : this.addPair(this.previous, frame);
    if (frame.index % this.frameStep === 0) this.addSample(frame, forward);
    if (frame.index % 2 === 0 && this.beforePrevious != null && this.previous != null) {
      const flow = computeFlow(this.cv, this.beforePrevious.gray, frame.gray);
      this.series.smoothnessErrors.push(
        motionSmoothnessPair(this.cv, this.beforePrevious.rgb, this.previous.rgb, frame.rgb, flow),
      );
    }
    this.beforePrevious = this.previous;
    this.previous = frame;
    this.series.frames += 1;
  }

  /** Dynamic degree's ≈8 fps pairs; at step 1 they are the consecutive pairs, flow reused. */
  private addSample(frame: AnalysedFrame, forward: FlowField | null): void {
    if (this.lastSample != null) {
      const flow =
        this.frameStep === 1 && forward != null
          ? forward
          : computeFlow(this.cv, this.lastSample.gray, frame.gray);
      this.series.dynamicTopMotions.push(topMotion(flow));
    }
    this.lastSample = frame;
  }

  private addPair(current: AnalysedFrame, next: AnalysedFrame): FlowField {
    const forward = computeFlow(this.cv, current.gray, next.gray);
    const backward = computeFlow(this.cv, next.gray, current.gray);
    this.series.warpErrors.push(
      warpingErrorPair(this.cv, current.rgb, next.rgb, forward, backward),
    );
    this.series.pairTopMotions.push(topFractionMean(flowMagnitudes(forward), 0.02));
    this.series.globalMotions.push(globalMotion(forward));
    this.series.consecutiveSsim.push(structuralSimilarity(current.gray, next.gray));
    this.series.pairHistogramDistances.push(
      bhattacharyyaDistance(current.histogram, next.histogram),
    );
    return forward;
  }

  finish(): AnalysisSeries {
    const { first, previous } = this;
    if (first != null && previous != null && previous !== first) {
      this.series.firstLastTopMotions = [
        topFractionMean(flowMagnitudes(computeFlow(this.cv, first.gray, previous.gray)), 0.02),
        topFractionMean(flowMagnitudes(computeFlow(this.cv, previous.gray, first.gray)), 0.02),
      ];
    }
    return this.series;
  }
}
