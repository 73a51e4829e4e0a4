/**
 * Something that was changed or ignored to serve a request, so the caller learns that the video
 * differs from what was asked instead of finding out by watching it.
 *
 * Two sources feed a video's `warnings` list: the gateway's capability check when the video is
 * created (a rounded `seconds`, an ignored `seed`), and the adapter's `doStart` result
 * (`VideoStartResult.warnings`), which is appended when the render starts. The list is
 * stored with the video and returned unchanged in the `warnings` field of every video object.
 *
 * `param` is always the gateway's (OpenAI-style) request parameter name, e.g. `seconds`, `size`,
 * `fps`, `seed`, `input_reference` or `provider_options.<provider>.<key>`, never the provider's
 * own field name. `message` is shown to end users: one plain sentence, no stack or secrets.
 */
export type VideoWarning =
  /** The parameter was accepted but has no effect on this model (it was dropped). */
  | { type: 'unsupported'; param: string; message: string }
  /**
   * The parameter was served approximately: `requested` is what the caller sent and `used` what
   * the model renders instead, both as strings in the request's own format (`"5"`, `"1280x720"`).
   */
  | { type: 'compatibility'; param: string; requested: string; used: string; message: string }
  /**
   * A route skipped one of its targets, or moved on from one, and why (`target` is the model):
   * it lacked a capability the request needs, its circuit breaker was open, it failed.
   */
  | { type: 'route'; target: string; message: string }
  /** Anything that names no single parameter (e.g. a caption the engine could not draw). */
  | { type: 'other'; message: string };
