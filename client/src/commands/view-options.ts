/** "Group changes by…" and "Filter changes…": the Changes view's quick picks. */
import * as vscode from 'vscode';
import type { ChangesTreeProvider } from '../changes/tree';
import type { Filters, GroupBy } from '../changes/grouping';
import { GROUP_BYS } from '../changes/grouping';

const GROUP_HELP: Record<GroupBy, string> = {
  status: 'lifecycle order: In Progress, Verifying, Approved, Planned, then finished ones',
  service: 'a change is listed under each service it affects',
  owner: 'the Change Owner',
  type: 'Standard, Normal, Emergency',
};

export async function pickGroupBy(tree: ChangesTreeProvider, given?: unknown): Promise<void> {
  let by = GROUP_BYS.find((g) => g === given);
  if (!by) {
    const picked = await vscode.window.showQuickPick(
      GROUP_BYS.map((g) => ({
        label: g[0]!.toUpperCase() + g.slice(1),
        description: GROUP_HELP[g],
        picked: g === tree.groupBy,
        by: g,
      })),
      { title: 'Group changes by', placeHolder: `Now: ${tree.groupBy}` },
    );
    by = picked?.by;
  }
  if (by) tree.setGroupBy(by);
}

export async function pickFilters(tree: ChangesTreeProvider, author: string, given?: unknown): Promise<void> {
  if (given && typeof given === 'object') {
    const g = given as Partial<Filters>;
    tree.setFilters({ onlyMine: g.onlyMine === true, onlyActive: g.onlyActive === true });
    return;
  }
  const items = [
    {
      label: 'Only mine',
      description: `owner is ${author || '(unknown author: set itsmote.author)'}`,
      key: 'onlyMine' as const,
      picked: tree.filters.onlyMine,
    },
    {
      label: 'Only active',
      description: 'Planned, Approved, In Progress, Verifying',
      key: 'onlyActive' as const,
      picked: tree.filters.onlyActive,
    },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Filter changes',
    canPickMany: true,
    placeHolder: 'Check the filters to apply',
  });
  if (!picked) return;
  tree.setFilters({
    onlyMine: picked.some((p) => p.key === 'onlyMine'),
    onlyActive: picked.some((p) => p.key === 'onlyActive'),
  });
}
