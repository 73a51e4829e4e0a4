/**
 * The gateway's public surface for composition roots outside this package (the `vgw` CLI).
 * Everything else stays internal so the layering rules keep holding.
 */
export { createGateway } from './assembly/create-gateway.js';
export type { Gateway, GatewayOptions } from './assembly/create-gateway.js';
export { bundledBinaryPaths } from './media/bundled-binaries.js';
export { mediaBinaries } from './assembly/media-binaries.js';
export type { MediaBinaries } from './assembly/media-binaries.js';
export { DataDirInUseError } from './assembly/data-dir-lock.js';
export {
  emulatedProviders,
  startProviderEmulator,
  UnknownEmulatorError,
} from './assembly/start-provider-emulator.js';
export { loadGatewayConfig } from './assembly/load-gateway-config.js';
export type { LoadGatewayConfigOptions } from './assembly/load-gateway-config.js';
export {
  ConfigError,
  processEnvironment,
  remoteGatewayFromEnvironment,
} from './config/load-config.js';
export type { Config, ConfigInput } from './config/config-schema.js';
export { createApiKey, isValidProjectName, listApiKeys, revokeApiKey } from './auth/api-keys.js';
export type { CreatedApiKey } from './auth/api-keys.js';
export type { ApiKeyRecord } from './db/api-keys-repository.js';
export { ensureProject } from './db/projects-repository.js';
export {
  budgetPeriods,
  deleteProjectBudget,
  listProjectBudgets,
  setProjectBudget,
} from './cost/budget-admin.js';
export type { BudgetRequest } from './cost/budget-admin.js';
export type { BudgetPeriod, BudgetRecord } from './db/budgets-repository.js';
export { formatUsd, usdToMicroUsd } from './cost/money.js';
export { usageReport, usageReportGroups } from './cost/usage-report.js';
export type {
  UsageReport,
  UsageReportGroup,
  UsageReportLine,
  UsageReportRequest,
} from './cost/usage-report.js';
export { defaultUsageSince, parseUsageSince, usageSinceForms } from './cost/usage-since.js';
export type { UsageSince } from './cost/usage-since.js';
// Thrown by the gateway's own functions the CLI calls in-process (budgets, usage); its message is
// for users.
export { GatewayError } from '@vgw/spec';
export type { ProjectRecord } from './db/projects-repository.js';
export type { Worker } from './jobs/worker.js';
export { probeVideo } from './media/probe-video.js';
export type { VideoProbe } from './media/probe-video.js';
// C2PA provenance: signing outputs (wired by assembly) and `vgw verify`.
export { createProvenanceSigner } from './provenance/provenance-signer.js';
export type { ProvenanceSigner, ProvenanceSignerOptions } from './provenance/provenance-signer.js';
export type {
  ProvenanceMode,
  ProvenanceOutcome,
  SignVideoRequest,
  SignVideoResult,
  VideoSigner,
} from './provenance/sign-video.js';
export type { ProvenanceFacts } from './provenance/provenance-manifest.js';
export { SigningKeyError } from './provenance/signing-credentials.js';
export type { ConfiguredSigningKey } from './provenance/signing-credentials.js';
export { loadC2paLibrary } from './provenance/c2pa-library.js';
export type { C2paAvailability } from './provenance/c2pa-library.js';
export { C2paUnavailableError, verifyVideo } from './provenance/verify-video.js';
export type { VerifyVideoRequest, VerifyVideoResult } from './provenance/verify-video.js';
export type {
  VerificationStatus,
  VerifiedGeneration,
  VerifiedManifest,
} from './provenance/verified-manifest.js';
export { scoreVideo } from './quality/score-video.js';
export { parseStoryboardFile } from './storyboards/storyboard-file.js';
export { VideoQualityError } from './quality/quality-error.js';
export { videoObjectSchema } from './http/openai/video-wire-schema.js';
export { sequenceObjectSchema, type SequenceObject } from './http/openai/sequence-wire-schema.js';
export { videoEstimateSchema } from './http/openai/video-estimate.js';
export type { VideoEstimateObject } from './http/openai/video-estimate.js';
export type { VideoObject } from './http/openai/video-wire-schema.js';
export { scoreResultSchema } from './quality/score-result.js';
export type { ScoreResult } from './quality/score-result.js';
// Re-exported so the CLI builds its logger and HTTP server from the versions the gateway uses.
export { serve } from '@hono/node-server';
export type { ServerType } from '@hono/node-server';
export { pino } from 'pino';
export type { Logger } from 'pino';
export {
  expandWithMutations,
  gateFailures,
  loadRedteamCases,
  numberSeededRandom,
  RedteamSuiteError,
  runRedteam,
  shippedSuitePaths,
  writeRedteamReport,
} from './policy/redteam/index.js';
export type {
  GateOptions,
  RandomSource,
  RedteamCase,
  RedteamReport,
  RedteamReportFile,
  RedteamScreen,
  ShippedSet,
} from './policy/redteam/index.js';
// The policy audit: the create, remix and worker paths append through `openAuditLog`'s
// log (or `appendAuditRecord` with its key); `vgw audit` lists and verifies it.
export { openAuditLog, AuditKeyMissingError } from './assembly/open-audit-log.js';
export { redteamScreen } from './assembly/redteam-screen.js';
export type { AuditLog } from './assembly/open-audit-log.js';
export { auditKeyPath, loadOrCreateAuditKey, readAuditKey } from './assembly/audit-key-file.js';
export {
  appendAuditRecord,
  listAuditRecords,
  UnknownAuditCursorError,
} from './db/policy-audit-repository.js';
export type { AuditListFilter, AuditPage } from './db/policy-audit-repository.js';
export { verifyAuditChain } from './db/audit-chain-verification.js';
export type {
  AuditBreak,
  AuditBreakReason,
  AuditVerification,
} from './db/audit-chain-verification.js';
export { auditChecksFrom, auditDecisions } from './db/audit-record.js';
export type {
  AuditCheck,
  AuditDecision,
  AuditImageHash,
  AuditOperation,
  AuditRecord,
  NewAuditRecord,
} from './db/audit-record.js';
export { promptHmac } from './db/prompt-hmac.js';
export { exportDataset } from './datasets/export-dataset.js';
export type { DatasetReport, ExportDatasetDeps } from './datasets/export-dataset.js';
export {
  conformFamilies,
  datasetLayouts,
  datasetRequestSchema,
} from './datasets/dataset-request.js';
export type { DatasetRequest } from './datasets/dataset-request.js';
export { writeStaged } from './datasets/staged-directory.js';
export { findProjectByNameOrId } from './db/dataset-candidates-repository.js';
