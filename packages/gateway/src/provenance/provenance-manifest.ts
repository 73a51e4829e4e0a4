import { z } from 'zod';

/** What vgw states about an output in its manifest. */
export interface ProvenanceFacts {
  /** `provider/model`, as the request named it or the route chose it. */
  model: string;
  provider: string;
  /** The route's name when one planned the video, else null. */
  route: string | null;
  createdAt: Date;
  vgwVersion: string;
  videoId: string;
}

/** IPTC's term for media a trained model generated; readers show it as "AI-generated". */
export const trainedAlgorithmicMedia =
  'http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia';

/** vgw's own assertion (C2PA asks entity-specific labels to be reverse-domain names). */
export const generationAssertionLabel = 'org.vgw.generation';

export const generationAssertionSchema = z.object({
  model: z.string(),
  provider: z.string(),
  route: z.string().nullable(),
  created_at: z.string(),
  vgw_version: z.string(),
  video_id: z.string(),
  development_key: z.boolean(),
});

export type GenerationAssertion = z.infer<typeof generationAssertionSchema>;

export interface ManifestOptions {
  /** The output's file name, shown by readers as the title. */
  title: string;
  development: boolean;
}

export function softwareAgentName(facts: ProvenanceFacts): string {
  return `vgw ${facts.vgwVersion} via ${facts.provider} (${facts.model})`;
}

/**
 * The manifest definition for one output: a `c2pa.created` action labelled trainedAlgorithmicMedia
 * with vgw and the provider/model as its software agent, and vgw's generation facts. A
 * development key is marked twice: in the claim generator's info, which every reader lists,
 * and in the generation assertion, which `verifyVideo` reports.
 */
export function buildProvenanceManifest(facts: ProvenanceFacts, options: ManifestOptions) {
  const generation: GenerationAssertion = {
    model: facts.model,
    provider: facts.provider,
    route: facts.route,
    created_at: facts.createdAt.toISOString(),
    vgw_version: facts.vgwVersion,
    video_id: facts.videoId,
    development_key: options.development,
  };
  return {
    claim_generator_info: [
      {
        name: 'vgw',
        version: facts.vgwVersion,
        'org.vgw.signing_key': options.development ? 'development' : 'configured',
      },
    ],
    title: options.title,
    format: 'video/mp4',
    assertions: [
      {
        label: 'c2pa.actions.v2',
        data: {
          actions: [
            {
              action: 'c2pa.created',
              digitalSourceType: trainedAlgorithmicMedia,
              softwareAgent: { name: softwareAgentName(facts), version: facts.vgwVersion },
              when: generation.created_at,
            },
          ],
        },
      },
      { label: generationAssertionLabel, data: generation },
    ],
  };
}
