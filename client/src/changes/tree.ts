/**
 * The Changes view: the server's index (`itsmote/listChanges`), grouped and filtered. It reloads
 * when the server says the index changed (`itsmote/indexChanged`) and never polls.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import type { ChangeListItem } from '../../../server/src/protocol';
import { ListChangesRequest } from '../../../server/src/protocol';
import type { Filters, Group, GroupBy } from './grouping';
import { GROUP_BYS, applyFilters, groupChanges } from './grouping';
import { describeChange, labelOf } from './describe';
import { changeTooltip, decorationUri, groupIcon, problemDecoration, statusIcon } from './render';

export interface GroupNode {
  kind: 'group';
  group: Group;
}
export interface ChangeNode {
  kind: 'change';
  change: ChangeListItem;
  parent: GroupNode;
}
export type ChangesNode = GroupNode | ChangeNode;

/** A loaded list: what the tree shows and the tests observe. */
export interface ChangesSnapshot {
  changes: readonly ChangeListItem[];
  complete: boolean;
}

const STATE_GROUP = 'itsmote.changes.groupBy';
const STATE_FILTERS = 'itsmote.changes.filters';

export class ChangesTreeProvider
  implements vscode.TreeDataProvider<ChangesNode>, vscode.FileDecorationProvider, vscode.Disposable
{
  private all: ChangeListItem[] = [];
  private roots: GroupNode[] = [];
  private byUri = new Map<string, ChangeListItem>();
  private loaded = false;
  private complete = false;
  private seq = 0;
  private readonly treeChanged = new vscode.EventEmitter<ChangesNode | undefined>();
  private readonly decorationsChanged = new vscode.EventEmitter<vscode.Uri[]>();
  private readonly refreshed = new vscode.EventEmitter<ChangesSnapshot>();
  readonly onDidChangeTreeData = this.treeChanged.event;
  readonly onDidChangeFileDecorations = this.decorationsChanged.event;
  /** Fires after each list the server returns has been applied to the tree. */
  readonly onDidRefresh = this.refreshed.event;
  groupBy: GroupBy;
  filters: Filters;

  constructor(
    private readonly client: LanguageClient,
    private readonly state: vscode.Memento,
    private readonly author: () => string,
  ) {
    const g = state.get<string>(STATE_GROUP);
    this.groupBy = GROUP_BYS.find((x) => x === g) ?? 'status';
    const f = state.get<Partial<Filters>>(STATE_FILTERS);
    this.filters = { onlyMine: f?.onlyMine === true, onlyActive: f?.onlyActive === true };
  }

  /** The last list from the server (unfiltered). */
  get snapshot(): ChangesSnapshot {
    return { changes: this.all, complete: this.complete };
  }

  /** Whether a list has been loaded and the server's index was complete. */
  get ready(): boolean {
    return this.loaded && this.complete;
  }

  /** The change whose document is `uri`, if the index has it. */
  changeFor(uri: vscode.Uri): ChangeListItem | undefined {
    return this.byUri.get(uri.toString());
  }

  /** Asks the server for the list and redraws. Overlapping calls: only the newest answer is applied. */
  async refresh(): Promise<ChangesSnapshot> {
    const mine = ++this.seq;
    const result = await this.client.sendRequest(ListChangesRequest, {});
    if (mine === this.seq) this.apply(result.changes, result.complete);
    return this.snapshot;
  }

  setGroupBy(by: GroupBy): void {
    this.groupBy = by;
    void this.state.update(STATE_GROUP, by);
    this.rebuild();
  }

  setFilters(filters: Filters): void {
    this.filters = { ...filters };
    void this.state.update(STATE_FILTERS, this.filters);
    this.rebuild();
  }

  /** The group nodes as currently shown (after filters). */
  get groups(): readonly GroupNode[] {
    return this.roots;
  }

  /** The tree node of a change in its first group (for `reveal`). */
  nodeFor(uri: vscode.Uri): ChangeNode | undefined {
    const key = uri.toString();
    for (const g of this.roots) {
      const c = g.group.changes.find((x) => vscode.Uri.parse(x.uri).toString() === key);
      if (c) return { kind: 'change', change: c, parent: g };
    }
    return undefined;
  }

  getChildren(node?: ChangesNode): ChangesNode[] {
    if (!node) return this.roots;
    if (node.kind === 'group') return node.group.changes.map((change) => ({ kind: 'change', change, parent: node }));
    return [];
  }

  getParent(node: ChangesNode): ChangesNode | undefined {
    return node.kind === 'change' ? node.parent : undefined;
  }

  getTreeItem(node: ChangesNode): vscode.TreeItem {
    if (node.kind === 'group') {
      const g = node.group;
      const item = new vscode.TreeItem(
        g.label,
        g.collapsed ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded,
      );
      item.id = `group/${g.key}`;
      item.description = String(g.changes.length);
      item.iconPath = groupIcon(g.by, g.label);
      item.contextValue = 'group';
      return item;
    }
    const c = node.change;
    const label = labelOf(c);
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    item.id = `${node.parent.group.key}/${c.uri}`;
    item.description = describeChange(c);
    item.iconPath = statusIcon(c.status);
    item.tooltip = changeTooltip(c, label);
    item.resourceUri = decorationUri(c);
    item.contextValue = c.allowedNext.length ? 'change canAdvance' : 'change';
    item.command = { command: 'itsmote.openChange', title: 'Open', arguments: [node] };
    item.accessibilityInformation = { label: `${label}, ${c.status ?? 'no status'}, ${item.description}` };
    return item;
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== 'itsmote-change') return undefined;
    const c = this.byUri.get(vscode.Uri.parse(uri.query).toString());
    return c ? problemDecoration(c.problems) : undefined;
  }

  /** A short text for the view's description: the grouping and the active filters. */
  describeView(): string {
    const parts = [`by ${this.groupBy}`];
    if (this.filters.onlyMine) parts.push('only mine');
    if (this.filters.onlyActive) parts.push('only active');
    return parts.join(' · ');
  }

  dispose(): void {
    this.treeChanged.dispose();
    this.decorationsChanged.dispose();
    this.refreshed.dispose();
  }

  private apply(changes: ChangeListItem[], complete: boolean): void {
    this.all = changes;
    this.loaded = true;
    this.complete = complete;
    this.byUri = new Map(changes.map((c) => [vscode.Uri.parse(c.uri).toString(), c]));
    this.rebuild();
    this.decorationsChanged.fire(changes.map(decorationUri));
    this.refreshed.fire(this.snapshot);
  }

  private rebuild(): void {
    const visible = applyFilters(this.all, this.filters, this.author());
    this.roots = groupChanges(visible, this.groupBy).map((group) => ({ kind: 'group', group }));
    const filtered = this.filters.onlyMine || this.filters.onlyActive;
    void vscode.commands.executeCommand('setContext', 'itsmote.filtered', filtered);
    void vscode.commands.executeCommand('setContext', 'itsmote.ready', this.ready);
    this.treeChanged.fire(undefined);
  }
}
