/**
 * The node flags the language server is started with. One place, read by the client
 * (client/src/language-client.ts: ServerOptions `options.execArgv`) and by `npm run bench`
 * (scripts/bench/lsp.ts), so that the figures are those of the server as the editor runs it.
 * Why each flag: docs/performance.md ("A lean server").
 */
export const SERVER_EXEC_ARGV: readonly string[] = [];
