/** express-session and express-formidable ship no types; the console uses each as one middleware factory. */
declare module 'express-session' {
  function session(options: Record<string, unknown>): (request: unknown, response: unknown, next: (error?: unknown) => void) => void;
  namespace session {
    /** The base of session stores: an EventEmitter that express-session drives through get/set/destroy/touch. */
    class Store {
      emit(event: string, ...args: unknown[]): boolean;
    }
  }
  export = session;
}
declare module 'express-formidable' {
  function formidable(options?: Record<string, unknown>): (request: unknown, response: unknown, next: (error?: unknown) => void) => void;
  export = formidable;
}
/** Express itself (through Nest's platform): only its Router and JSON body parser are used here. */
declare module 'express' {
  interface ConsoleRouter {
    (request: unknown, response: unknown, next: (error?: unknown) => void): void;
    use(...handlers: unknown[]): ConsoleRouter;
    get(path: string, ...handlers: unknown[]): ConsoleRouter;
    post(path: string, ...handlers: unknown[]): ConsoleRouter;
  }
  export function Router(): ConsoleRouter;
  export function json(options?: Record<string, unknown>): (request: unknown, response: unknown, next: (error?: unknown) => void) => void;
}
