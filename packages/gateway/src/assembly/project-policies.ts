import type { Config } from '../config/config-schema.js';
import type { Database } from '../db/queryable.js';
import { emptyProjectPolicy, type ProjectPolicy } from '../policy/policy-check.js';
import { readKnownImages } from './image-checks-from-config.js';

interface ProjectSettings {
  policy: ProjectPolicy;
  storeRefusedExcerpts: boolean;
}

export interface ProjectPolicies {
  policyOf(projectId: string): Promise<ProjectPolicy>;
  storesExcerpts(projectId: string): Promise<boolean>;
}

/**
 * `policy.projects` is keyed by project name (as `limits.projects` is) or id. Requests carry the
 * id; its name is read once per project and kept, since a project's name never changes.
 */
export async function projectPolicies(
  config: Config,
  database: Database,
  checkAllowlisted: (key: string, entityId: string) => void,
): Promise<ProjectPolicies> {
  const settings = new Map<string, ProjectSettings>();
  for (const [name, project] of Object.entries(config.policy.projects)) {
    const key = `policy.projects.${name}`;
    for (const entityId of project.allowlist) checkAllowlisted(`${key}.allowlist`, entityId);
    const knownImages =
      project.knownImagesFile != null
        ? await readKnownImages(config, `${key}.knownImagesFile`, project.knownImagesFile)
        : [];
    settings.set(name, {
      policy: {
        allowlist: project.allowlist,
        knownImages,
        logOnlyCategories: project.logOnlyCategories,
      },
      storeRefusedExcerpts: project.storeRefusedExcerpts,
    });
  }
  const names = new Map<string, string | null>();
  async function settingsOf(projectId: string): Promise<ProjectSettings | null> {
    if (settings.size === 0) return null;
    const byId = settings.get(projectId);
    if (byId != null) return byId;
    if (!names.has(projectId)) {
      const { rows } = await database.query<{ name: string }>(
        'select name from projects where id = $1',
        [projectId],
      );
      names.set(projectId, rows[0]?.name ?? null);
    }
    const name = names.get(projectId);
    return name != null ? (settings.get(name) ?? null) : null;
  }
  return {
    policyOf: async (projectId) => (await settingsOf(projectId))?.policy ?? emptyProjectPolicy,
    storesExcerpts: async (projectId) =>
      (await settingsOf(projectId))?.storeRefusedExcerpts ?? false,
  };
}
