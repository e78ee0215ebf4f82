/**
 * The node flags the language server is started with. One place, read by the client
 * (client/src/language-client.ts: ServerOptions `options.execArgv`) and by `npm run bench`
 * (scripts/bench/lsp.ts), so that the figures are those of the server as the editor runs it.
 *
 * `--optimize-for-size`: V8 grows the heap in smaller steps and collects sooner. The server's
 * live heap is small next to what a scan allocates and drops (each document's text, model and
 * rule results), and by default the heap grows far past what is live: the peak RSS of a
 * 10,000-document scan was 245-250 MB without the flag, 175-185 MB with it, for about the same
 * scan time (docs/performance.md). It caps nothing: a larger workspace gets the heap it needs.
 */
export const SERVER_EXEC_ARGV: readonly string[] = [];
