// What the client logs through: any object with some of console's methods. Lines never contain
// request headers, so they never contain the API key.
export interface Logger {
  debug?(message: string): void;
  info?(message: string): void;
  warn?(message: string): void;
  error?(message: string): void;
}
