/** An error the user can act on: shown without a stack trace. */
export class UserError extends Error {
  constructor(
    message: string,
    /** `refused` when the request was understood but is unsafe or impossible. */
    readonly kind: 'invalid' | 'refused' = 'invalid'
  ) {
    super(message);
    this.name = 'UserError';
  }
}
