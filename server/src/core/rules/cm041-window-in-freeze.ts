import type { DocumentRule } from './types';
import { blockingFreezes, whoMayRun } from '../freezes';
import { formatUtc } from '../time';
import { itemRange } from './util';

/**
 * CM041: an active change whose window overlaps a freeze (`.itsmote.json` `freezes`) that covers
 * one of its services, while its type is not allowed in that freeze. One finding per freeze.
 */
export const windowInFreeze: DocumentRule = {
  id: 'CM041',
  name: 'window-in-freeze',
  severity: 'error',
  scope: 'document',
  docs: '"Keep execution window clear." A freeze is the time the organisation has agreed that nothing risky changes (a sales peak, the holidays, an audit); only the change types it allows (Emergency, by default) may run on the services it covers.',
  check({ doc, options: { freezes } }) {
    if (!freezes?.length) return [];
    return blockingFreezes(doc, freezes).map(({ freeze, services }) => {
      return {
        range: itemRange(doc, 'window'),
        message: `The window falls in the freeze "${freeze.name}" (${formatUtc(freeze.start)} until ${formatUtc(freeze.end)}), which covers ${services.join(', ')}; ${whoMayRun(freeze)} may run then. Move the window to after ${formatUtc(freeze.end)}, or before ${formatUtc(freeze.start)}.`,
        data: {
          freeze: freeze.name,
          start: new Date(freeze.start).toISOString(),
          end: new Date(freeze.end).toISOString(),
          services,
        },
      };
    });
  },
};
