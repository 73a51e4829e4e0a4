import { GatewayError, InvalidRequestError } from '@vgw/spec';

/** What a create's own parameter is called in a storyboard's shot. */
function shotField(param: string, continues: boolean): string {
  if (param === 'input_reference') return continues ? 'continue' : 'image';
  return param;
}

/**
 * Re-aims a create's refusal at the shot it came from: `param: "prompt"` becomes
 * `shots[3].prompt` and the message says which shot. The error is the one just thrown for this
 * request, so changing it in place keeps its class (a policy refusal keeps its `policy` body).
 */
export function scopeToShot(error: unknown, index: number, continues: boolean): unknown {
  if (!(error instanceof GatewayError)) return error;
  if (error.param?.startsWith('shots[') === true) return error;
  const field = error.param != null ? shotField(error.param, continues) : null;
  const param = field != null ? `shots[${index}].${field}` : `shots[${index}]`;
  (error as { param: string | null }).param = param;
  error.message = `shots[${index}]: ${error.message}`;
  return error;
}

export function refuseContinue(index: number, target: string): never {
  throw new InvalidRequestError(
    `shots[${index}].continue: ${target} takes no input image, so the shot cannot start from the previous shot's last frame`,
    `shots[${index}].continue`,
    'unsupported_value',
  );
}
