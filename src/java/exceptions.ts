/**
 * An exception a Java method would have thrown (StringIndexOutOfBoundsException, ArithmeticException, …).
 * On API Gateway it fails the whole template (HTTP 500); the renderer turns it into a VtlRuntimeError
 * that carries the template location.
 */
export class JavaException extends Error {
  constructor(
    readonly javaClass: string,
    message: string,
  ) {
    super(message ? `${javaClass}: ${message}` : javaClass);
    this.name = 'JavaException';
  }
}
