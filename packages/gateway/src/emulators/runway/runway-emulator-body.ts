/** The create bodies the emulated Runway accepts, per model and endpoint (SDK 4.20 unions). */

export type RunwayEndpoint = 'text_to_video' | 'image_to_video';

export interface RunwayCreateBody {
  model: string;
  promptText: string;
  ratio: string;
  duration: number;
  seed: number | null;
  hasImage: boolean;
}

export interface RunwayBodyIssue {
  path: string[];
  message: string;
}

interface ModelRules {
  endpoints: RunwayEndpoint[];
  ratios: Record<RunwayEndpoint, string[]>;
  durations: (value: number) => boolean;
  defaultDuration: number | null;
  promptRequired: Record<RunwayEndpoint, boolean>;
  creditsPerSecond: number;
}

const gen4Ratios = ['1280:720', '720:1280', '1104:832', '832:1104', '960:960', '1584:672'];
const veoRatios = ['1280:720', '720:1280', '1080:1920', '1920:1080'];
const veo: ModelRules = {
  endpoints: ['text_to_video', 'image_to_video'],
  ratios: { text_to_video: veoRatios, image_to_video: veoRatios },
  durations: (value) => [4, 6, 8].includes(value),
  defaultDuration: 8,
  promptRequired: { text_to_video: true, image_to_video: false },
  creditsPerSecond: 40,
};

export const runwayModelRules: Record<string, ModelRules> = {
  gen4_turbo: {
    endpoints: ['image_to_video'],
    ratios: { text_to_video: [], image_to_video: gen4Ratios },
    durations: (value) => value === 5 || value === 10,
    defaultDuration: 10,
    promptRequired: { text_to_video: false, image_to_video: false },
    creditsPerSecond: 5,
  },
  'gen4.5': {
    endpoints: ['text_to_video', 'image_to_video'],
    ratios: { text_to_video: ['1280:720', '720:1280'], image_to_video: gen4Ratios },
    durations: (value) => Number.isInteger(value) && value >= 2 && value <= 10,
    defaultDuration: null,
    promptRequired: { text_to_video: true, image_to_video: true },
    creditsPerSecond: 12,
  },
  'veo3.1': veo,
  'veo3.1_fast': veo,
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value != null && typeof value === 'object' && !Array.isArray(value);

function hasPromptImage(value: unknown): boolean {
  if (typeof value === 'string') return value.length > 0;
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((each) => isRecord(each) && typeof each.uri === 'string')
  );
}

function checkPrompt(body: Record<string, unknown>, required: boolean, issues: RunwayBodyIssue[]) {
  const prompt = body.promptText;
  if (prompt == null && !required) return;
  if (typeof prompt !== 'string' || prompt.length === 0 || prompt.length > 1000) {
    issues.push({ path: ['promptText'], message: 'must be a string of 1 to 1000 characters' });
  }
}

function checkSeed(seed: unknown, issues: RunwayBodyIssue[]) {
  if (seed == null) return;
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > 4_294_967_295) {
    issues.push({ path: ['seed'], message: 'must be an integer from 0 to 4294967295' });
  }
}

/** Validates one create body like the real API: a list of issues, or the parsed request. */
export function parseCreateBody(
  endpoint: RunwayEndpoint,
  body: unknown,
): { body: RunwayCreateBody } | { issues: RunwayBodyIssue[] } {
  if (!isRecord(body)) return { issues: [{ path: [], message: 'expected a JSON object' }] };
  const rules = typeof body.model === 'string' ? runwayModelRules[body.model] : undefined;
  if (rules == null || !rules.endpoints.includes(endpoint)) {
    return { issues: [{ path: ['model'], message: `not a model of /v1/${endpoint}` }] };
  }
  const issues: RunwayBodyIssue[] = [];
  checkPrompt(body, rules.promptRequired[endpoint], issues);
  if (typeof body.ratio !== 'string' || !rules.ratios[endpoint].includes(body.ratio)) {
    issues.push({
      path: ['ratio'],
      message: `must be one of ${rules.ratios[endpoint].join(', ')}`,
    });
  }
  const duration = body.duration ?? rules.defaultDuration;
  if (typeof duration !== 'number' || !rules.durations(duration)) {
    issues.push({ path: ['duration'], message: 'is not a duration this model renders' });
  }
  checkSeed(body.seed, issues);
  const hasImage = hasPromptImage(body.promptImage);
  if (endpoint === 'image_to_video' && !hasImage) {
    issues.push({ path: ['promptImage'], message: 'is required' });
  }
  if (issues.length > 0) return { issues };
  return {
    body: {
      model: body.model as string,
      promptText: typeof body.promptText === 'string' ? body.promptText : '',
      ratio: body.ratio as string,
      duration: duration as number,
      seed: typeof body.seed === 'number' ? body.seed : null,
      hasImage,
    },
  };
}
