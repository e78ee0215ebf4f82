/** Editor features computed purely from an analysed document: completion, hover, document symbols. */
export { complete } from './completion';
export type { CompletionOptions } from './completion';
export { hover } from './hover';
export type { HoverOptions } from './hover';
export { documentSymbols } from './symbols';
export type { WorkspaceFacts } from './context';
export { currentStatus, nextStatuses, regionOf } from './context';
