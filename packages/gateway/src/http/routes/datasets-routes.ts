import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { InvalidRequestError, NotFoundError } from '@vgw/spec';
import { Hono, type Context } from 'hono';
import {
  findDatasetExport,
  insertDatasetExport,
  listDatasetExports,
  type DatasetExportRecord,
} from '../../db/dataset-exports-repository.js';
import { datasetRequestSchema } from '../../datasets/dataset-request.js';
import type { AppDeps, AppEnv } from '../app-deps.js';
import { toDatasetObject } from '../openai/dataset-object.js';
import { parseJsonBody } from '../openai/json-body.js';
import { parseListQuery } from '../openai/list-query.js';

const plausibleId = /^ds_[A-Za-z0-9]{1,64}$/;

async function requireExport(
  deps: AppDeps,
  context: Context<AppEnv>,
): Promise<DatasetExportRecord> {
  const id = context.req.param('id') ?? '';
  const found = plausibleId.test(id)
    ? await findDatasetExport(deps.database, context.get('projectId'), id)
    : null;
  if (found == null)
    throw new NotFoundError(`no dataset with id ${JSON.stringify(id)}`, 'dataset_id');
  return found;
}

/** The zip of a completed export, streamed from the content store. */
async function serveZip(deps: AppDeps, context: Context<AppEnv>): Promise<Response> {
  const record = await requireExport(deps, context);
  if (record.status !== 'completed' || record.zipSha256 == null) {
    throw new InvalidRequestError(
      `dataset ${record.id} is ${record.status}; its zip exists once it is completed`,
      'dataset_id',
      'dataset_not_ready',
    );
  }
  const size = await deps.store.size(record.zipSha256);
  if (size == null) throw new NotFoundError(`dataset ${record.id} has no zip`, 'dataset_id');
  const headers = new Headers({
    'content-type': 'application/zip',
    'content-length': String(size),
    etag: `"${record.zipSha256}"`,
    'content-disposition': `attachment; filename="${record.id}.zip"`,
  });
  const stream = Readable.toWeb(deps.store.openRead(record.zipSha256)) as ReadableStream;
  return new Response(stream, { status: 200, headers });
}

/** `/v1/datasets`: dataset exports for fine-tuning, scoped to the key's project. */
export function datasetsRoutes(deps: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const newId = deps.newDatasetId ?? (() => `ds_${randomBytes(16).toString('hex')}`);

  routes.post('/', async (context) => {
    const request = await parseJsonBody(context, datasetRequestSchema);
    const record = await insertDatasetExport(deps.database, {
      id: newId(),
      projectId: context.get('projectId'),
      apiKeyId: context.get('apiKeyId'),
      filters: request,
    });
    return context.json(toDatasetObject(record), 202);
  });

  routes.get('/', async (context) => {
    const query = parseListQuery(context.req.query());
    const after = query.after;
    if (
      after != null &&
      (await findDatasetExport(deps.database, context.get('projectId'), after)) == null
    ) {
      throw new InvalidRequestError(`after: no dataset with id "${after}"`, 'after');
    }
    const page = await listDatasetExports(deps.database, {
      projectId: context.get('projectId'),
      after,
      limit: query.limit,
    });
    const data = page.exports.map(toDatasetObject);
    return context.json({
      object: 'list',
      data,
      has_more: page.hasMore,
      first_id: data[0]?.id ?? null,
      last_id: data.at(-1)?.id ?? null,
    });
  });

  routes.get('/:id', async (context) =>
    context.json(toDatasetObject(await requireExport(deps, context))),
  );
  routes.get('/:id/content', (context) => serveZip(deps, context));
  return routes;
}
