import { InvalidRequestError } from '@vgw/spec';
import { Hono } from 'hono';
import { bundledBinaryPaths } from '../../media/bundled-binaries.js';
import { createSequence } from '../../sequences/create-sequence.js';
import { deleteSequence, getSequence, listSequenceViews } from '../../sequences/read-sequences.js';
import { randomSequenceId, type SequenceDeps } from '../../sequences/sequence-deps.js';
import { updateSequence } from '../../sequences/update-sequence.js';
import type { AppDeps, AppEnv } from '../app-deps.js';
import { parseListQuery } from '../openai/list-query.js';
import { readCreateRequest } from '../openai/read-create-request.js';
import { parseCreateSequenceBody, parseUpdateSequenceBody } from '../openai/sequence-body.js';
import { toSequenceListObject, toSequenceObject } from '../openai/sequence-wire-schema.js';
import { serveSequenceExport } from './sequence-export-route.js';
import { sequenceIdParam } from './sequence-id-param.js';

export function sequenceDepsOf(deps: AppDeps): SequenceDeps {
  return {
    database: deps.database,
    store: deps.store,
    ffprobePath: deps.ffprobePath ?? bundledBinaryPaths().ffprobePath,
    newSequenceId: deps.newSequenceId ?? randomSequenceId,
  };
}

/** `/v1/sequences`: cuts of the project's completed videos, and their timeline exports. */
export function sequencesRoutes(deps: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const sequenceDeps = sequenceDepsOf(deps);

  routes.post('/', async (context) => {
    const { body } = await readCreateRequest(context);
    const input = parseCreateSequenceBody(body, context.get('projectId'));
    return context.json(toSequenceObject(await createSequence(sequenceDeps, input)));
  });

  routes.get('/', async (context) => {
    const query = parseListQuery(context.req.query());
    const page = await listSequenceViews(sequenceDeps, {
      projectId: context.get('projectId'),
      ...query,
    });
    if (!page.cursorFound) {
      throw new InvalidRequestError(`after: no sequence with id "${query.after}"`, 'after');
    }
    return context.json(toSequenceListObject(page.sequences.map(toSequenceObject), page.hasMore));
  });

  routes.get('/:id', async (context) => {
    const view = await getSequence(
      sequenceDeps,
      context.get('projectId'),
      sequenceIdParam(context),
    );
    return context.json(toSequenceObject(view));
  });

  routes.patch('/:id', async (context) => {
    const id = sequenceIdParam(context);
    const { body } = await readCreateRequest(context);
    const input = parseUpdateSequenceBody(body, context.get('projectId'), id);
    return context.json(toSequenceObject(await updateSequence(sequenceDeps, input)));
  });

  routes.delete('/:id', async (context) => {
    const id = sequenceIdParam(context);
    await deleteSequence(sequenceDeps, context.get('projectId'), id);
    return context.json({ id, object: 'sequence.deleted', deleted: true });
  });

  routes.get('/:id/export', (context) => serveSequenceExport(deps, sequenceDeps, context));

  return routes;
}
