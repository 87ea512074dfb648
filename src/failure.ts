/**
 * A failure a user can act on: the message says what was expected, what was found and
 * what to do. Entries print only the message; any other error is a bug and keeps its stack.
 */
export class Failure extends Error {
  override name = 'Failure';
}
