/**
 * What other packages' tests borrow from the gateway's test support (`@vgw/gateway/test-support`).
 * Production code never imports it: eslint.config.js forbids it outside tests.
 */
export { scoreResultFixture } from './score-result-fixture.js';
export { auditDecisionBuilder } from './audit-decision-fixture.js';
export { completeVideos, createFileVideoModel, renderTestClip } from './clip-fixtures.js';
export { createDatasetFixture } from './dataset-fixtures.js';
export type { DatasetFixture } from './dataset-fixtures.js';
