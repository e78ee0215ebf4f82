/**
 * The Metrics view: this month and last month (UTC, SPEC 5), from `itsmote/metrics`. Reloaded
 * with the Changes view when the server's index changes.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import type { MonthMetrics } from '../../../server/src/core/metrics';
import { MetricsRequest } from '../../../server/src/protocol';
import type { FreezeSpan } from '../../../server/src/core/freezes';
import { counts, emptyMonth, minutes, monthOf, percent, previousMonth } from './format';

export interface MonthNode {
  kind: 'month';
  label: string;
  metrics: MonthMetrics;
}
export interface FigureNode {
  kind: 'figure';
  label: string;
  value: string;
  tooltip: string;
  icon: string;
}
export type MetricsNode = MonthNode | FigureNode;

/** The figures of one month, in the order of SPEC 5. */
export function figuresOf(m: MonthMetrics): FigureNode[] {
  const fig = (label: string, value: string, tooltip: string, icon: string): FigureNode => ({
    kind: 'figure',
    label,
    value,
    tooltip,
    icon,
  });
  return [
    fig(
      'Change failure rate',
      m.executed ? `${percent(m.changeFailureRate)} (${m.failed} of ${m.executed})` : '–',
      'Executed changes that were rolled back or caused an incident, divided by executed changes.',
      'warning',
    ),
    fig(
      'Changes with rollback',
      m.executed ? `${percent(m.rollbackRate)} (${m.rolledBack})` : '–',
      'Executed changes with a Rolled Back entry, divided by executed changes.',
      'discard',
    ),
    fig(
      'Incidents caused',
      m.incidents.length ? `${m.incidentsCaused} (${m.incidents.join(', ')})` : String(m.incidentsCaused),
      "Distinct incidents named in the executed changes' Caused incidents.",
      'flame',
    ),
    fig(
      'Mean time to rollback',
      minutes(m.meanTimeToRollbackMinutes),
      'Mean of Rolled Back time minus In Progress time over the rolled back changes.',
      'watch',
    ),
    fig(
      'Executed',
      m.executed ? `${m.executed} (${counts(m.byType)})` : '0',
      'Changes whose status log has an In Progress entry in this month; by type.',
      'play',
    ),
    fig('By risk', counts(m.byRisk) || '–', 'Executed changes by risk level.', 'shield'),
  ];
}

export class MetricsTreeProvider implements vscode.TreeDataProvider<MetricsNode>, vscode.Disposable {
  private months: MonthMetrics[] = [];
  private freezeSpans: FreezeSpan[] = [];
  private seq = 0;
  private readonly changed = new vscode.EventEmitter<MetricsNode | undefined>();
  private readonly refreshed = new vscode.EventEmitter<readonly MonthMetrics[]>();
  readonly onDidChangeTreeData = this.changed.event;
  /** Fires after each answer of the server has been applied. */
  readonly onDidRefresh = this.refreshed.event;

  constructor(
    private readonly client: LanguageClient,
    private readonly now: () => number,
  ) {}

  /** Every month with executed changes, oldest first, as last loaded. */
  get allMonths(): readonly MonthMetrics[] {
    return this.months;
  }

  async refresh(): Promise<readonly MonthMetrics[]> {
    const mine = ++this.seq;
    const result = await this.client.sendRequest(MetricsRequest, {});
    if (mine === this.seq) {
      this.months = result.months;
      this.freezeSpans = result.freezes ?? [];
      this.changed.fire(undefined);
      this.refreshed.fire(this.months);
    }
    return this.months;
  }

  /** The change freezes of the workspace's configs, as last loaded (the dashboard marks their months). */
  get freezes(): readonly FreezeSpan[] {
    return this.freezeSpans;
  }

  /** This month and last month (a month with nothing executed shows dashes). */
  roots(): MonthNode[] {
    const current = monthOf(this.now());
    const last = previousMonth(current);
    const find = (m: string): MonthMetrics => this.months.find((x) => x.month === m) ?? emptyMonth(m);
    return [
      { kind: 'month', label: `This month (${current})`, metrics: find(current) },
      { kind: 'month', label: `Last month (${last})`, metrics: find(last) },
    ];
  }

  getChildren(node?: MetricsNode): MetricsNode[] {
    if (!node) return this.roots();
    return node.kind === 'month' ? figuresOf(node.metrics) : [];
  }

  getTreeItem(node: MetricsNode): vscode.TreeItem {
    if (node.kind === 'month') {
      // Last month starts folded: this month's six figures fit the view without scrolling.
      const last = node.label.startsWith('Last');
      const item = new vscode.TreeItem(
        node.label,
        last ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded,
      );
      item.id = `month/${node.label.slice(0, 4)}`;
      item.iconPath = new vscode.ThemeIcon('calendar');
      item.description = `${node.metrics.executed} executed`;
      return item;
    }
    const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
    item.description = node.value;
    item.tooltip = node.tooltip;
    item.iconPath = new vscode.ThemeIcon(node.icon);
    return item;
  }

  dispose(): void {
    this.changed.dispose();
    this.refreshed.dispose();
  }
}
