/** "Export metrics…": every month's metrics to a CSV or JSON file the user picks. */
import * as vscode from 'vscode';
import type { MetricsTreeProvider } from '../metrics/view';
import { formatOfPath, metricsToCsv, metricsToJson } from '../metrics/export';

/** Runs the command; `target` skips the save dialog (tests, keybindings). Resolves to the file written. */
export async function exportMetrics(
  metrics: MetricsTreeProvider,
  now: number,
  target?: unknown,
): Promise<vscode.Uri | undefined> {
  const months = await metrics.refresh();
  let uri = target instanceof vscode.Uri ? target : undefined;
  if (!uri) {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const name = `change-metrics-${new Date(now).toISOString().slice(0, 10)}.csv`;
    uri = await vscode.window.showSaveDialog({
      title: 'Export change metrics',
      saveLabel: 'Export',
      ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, name) } : {}),
      filters: { CSV: ['csv'], JSON: ['json'] },
    });
  }
  if (!uri) return undefined;
  const text = formatOfPath(uri.path) === 'json' ? metricsToJson(months) : metricsToCsv(months);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  void vscode.window.showInformationMessage(
    `Exported ${months.length} month${months.length === 1 ? '' : 's'} of change metrics to ${vscode.workspace.asRelativePath(uri)}.`,
  );
  return uri;
}
