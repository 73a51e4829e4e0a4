/** Something the gateway changed or ignored to serve a request; stored and returned to the user. */
export type VideoWarning =
  | { type: 'unsupported'; param: string; message: string }
  | { type: 'compatibility'; param: string; requested: string; used: string; message: string }
  | { type: 'other'; message: string };
