import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { configSchema, type Config } from './config-schema.js';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Where each loaded config came from, so errors found later (at assembly) can name the file. */
const configSources = new WeakMap<object, string>();

/** The file a config was read from, or what stood in for one; for error messages. */
export function configSourceOf(config: object): string {
  return configSources.get(config) ?? 'environment and defaults';
}

/** An error in a loaded config, found after its schema passed: names the file, key and reason. */
export function configErrorAt(config: object, key: string, reason: string): ConfigError {
  return new ConfigError(`invalid configuration (${configSourceOf(config)}): ${key}: ${reason}`);
}

const candidateFiles = ['vgw.config.json', 'vgw.config.yaml', 'vgw.config.yml'];

type Environment = Record<string, string | undefined>;

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    const child = node[key];
    node[key] = child != null && typeof child === 'object' ? child : {};
    node = node[key] as Record<string, unknown>;
  }
  node[path.at(-1) as string] = value;
}

/**
 * Environment variables that override the file, each mapped to the config key it sets. Providers'
 * variables come from their definitions, through `providerVariables`.
 */
const gatewayEnvironmentKeys: Record<string, string[]> = {
  DATABASE_URL: ['databaseUrl'],
  VGW_DATA_DIR: ['dataDir'],
  VGW_DEFAULT_MODEL: ['defaultModel'],
  VGW_LOG_LEVEL: ['logLevel'],
  VGW_HOST: ['server', 'host'],
  VGW_PORT: ['server', 'port'],
  VGW_PUBLIC_BASE_URL: ['server', 'publicBaseURL'],
  VGW_WORKER_CONCURRENCY: ['workers', 'concurrency'],
  VGW_CONCURRENT_RENDERS: ['limits', 'concurrentRenders'],
  VGW_AUTO_SCORE: ['scoring', 'enabled'],
  FFMPEG_PATH: ['engines', 'local', 'ffmpegPath'],
  FFPROBE_PATH: ['engines', 'local', 'ffprobePath'],
  VGW_LOCAL_MAX_RENDERS: ['engines', 'local', 'maxConcurrentRenders'],
  VGW_ALLOW_LOOPBACK_DOWNLOADS: ['allowLoopbackDownloads'],
  VGW_AUDIT_KEY: ['policy', 'auditKey'],
};

const booleanVariables = new Set(['VGW_ALLOW_LOOPBACK_DOWNLOADS', 'VGW_AUTO_SCORE']);

async function readConfigFile(path: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read config file ${path}: ${(error as Error).message}`);
  }
  try {
    const parsed: unknown = path.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
    if (parsed == null) return {};
    if (typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new Error('the top level must be an object');
    }
    return parsed as Record<string, unknown>;
  } catch (error) {
    throw new ConfigError(`config file ${path} is not valid: ${(error as Error).message}`);
  }
}

function describeIssues(error: z.ZodError, source: string): string {
  const lines = error.issues.map((issue) => {
    const key = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
    return `${key}: ${issue.message}`;
  });
  return `invalid configuration (${source}): ${lines.join('; ')}`;
}

export interface LoadConfigOptions {
  cwd: string;
  environment: Environment;
  /** An explicit file (the CLI's --config); otherwise VGW_CONFIG, then vgw.config.* in cwd. */
  file?: string | null;
  /**
   * Providers' variables (`RUNWAYML_API_SECRET` → `providers.runway.apiKey`), declared by each
   * provider and handed over by the composition root, so config names no provider.
   */
  providerVariables?: Record<string, string[]>;
}

/** File, then environment, then defaults; every error names the key that is wrong. */
export async function loadConfig(options: LoadConfigOptions): Promise<Config> {
  const explicit = options.file ?? options.environment.VGW_CONFIG ?? null;
  const file =
    explicit != null
      ? resolve(options.cwd, explicit)
      : (candidateFiles
          .map((name) => resolve(options.cwd, name))
          .find((path) => existsSync(path)) ?? null);
  const raw = file != null ? await readConfigFile(file) : {};
  const environmentKeys = { ...options.providerVariables, ...gatewayEnvironmentKeys };
  for (const [variable, path] of Object.entries(environmentKeys)) {
    const value = options.environment[variable];
    if (value == null || value === '') continue;
    setPath(raw, path, booleanVariables.has(variable) ? value === 'true' || value === '1' : value);
  }
  const result = configSchema.safeParse(raw);
  if (!result.success) {
    throw new ConfigError(describeIssues(result.error, file ?? 'environment and defaults'));
  }
  const config = { ...result.data, dataDir: resolve(options.cwd, result.data.dataDir) };
  if (file != null) configSources.set(config, file);
  return config;
}

/** What the CLI needs to talk to a remote gateway instead of an embedded one. */
export function remoteGatewayFromEnvironment(
  environment: Environment,
): { baseURL: string; apiKey: string } | null {
  const baseURL = environment.VGW_BASE_URL;
  const apiKey = environment.VGW_API_KEY;
  if (baseURL == null || baseURL === '') return null;
  if (apiKey == null || apiKey === '') {
    throw new ConfigError(
      'VGW_BASE_URL is set but VGW_API_KEY is not: set both to use a remote gateway',
    );
  }
  return { baseURL, apiKey };
}

/** The whole process environment, read here and nowhere else. */
export function processEnvironment(): Environment {
  return process.env;
}
