/**
 * "Show change metrics dashboard": a webview with a chart per metric (Chart.js, bundled into
 * dist/webview/dashboard.js) and a table by month. The page loads nothing remote; its CSP allows
 * only the extension's own files and a script carrying this page's nonce. Metrics travel by
 * `postMessage` and the page writes every string with `textContent`, so no document text is
 * ever parsed as HTML.
 */
import * as vscode from 'vscode';
import type { MonthMetrics } from '../../../server/src/core/metrics';
import type { MetricsTreeProvider } from './view';
import { METRIC_CHARTS } from '../../../server/src/core/metric-charts';

/** What the page reports after drawing: the data each chart holds, and the table's rows. */
export interface DashboardRender {
  charts: { id: string; labels: string[]; data: (number | null)[] }[];
  tableRows: number;
  /** The months of the axis shaded as in a freeze, with the freezes' names. */
  freezeMonths?: { month: string; names: string[] }[];
}

type FromPage = { type: 'ready' } | ({ type: 'rendered' } & DashboardRender);

export class MetricsDashboard implements vscode.Disposable {
  static readonly viewType = 'itsmote.metricsDashboard';
  private panel: vscode.WebviewPanel | undefined;
  private readonly rendered = new vscode.EventEmitter<DashboardRender>();
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Fires each time the page has drawn the metrics it was sent. */
  readonly onDidRender = this.rendered.event;
  /** The page's last report, if it has drawn anything. */
  lastRender: DashboardRender | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly metrics: MetricsTreeProvider,
  ) {
    this.subscriptions.push(metrics.onDidRefresh((months) => this.post(months)));
  }

  /** Whether the panel is open. */
  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  /** Opens the dashboard (or brings it to the front) and sends it fresh metrics. */
  async show(): Promise<void> {
    if (this.panel) {
      this.panel.reveal();
    } else {
      const roots = [
        vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview'),
        vscode.Uri.joinPath(this.extensionUri, 'media'),
      ];
      const panel = vscode.window.createWebviewPanel(
        MetricsDashboard.viewType,
        'Change Metrics',
        vscode.ViewColumn.Active,
        {
          enableScripts: true,
          localResourceRoots: roots,
        },
      );
      panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'icon.png');
      panel.webview.html = this.html(panel.webview);
      panel.webview.onDidReceiveMessage((m: FromPage) => this.onMessage(m), undefined, this.subscriptions);
      panel.onDidDispose(
        () => {
          this.panel = undefined;
          this.lastRender = undefined;
        },
        undefined,
        this.subscriptions,
      );
      this.panel = panel;
    }
    await this.metrics.refresh();
  }

  dispose(): void {
    this.panel?.dispose();
    this.rendered.dispose();
    for (const d of this.subscriptions) d.dispose();
  }

  private onMessage(m: FromPage): void {
    if (m.type === 'ready') this.post(this.metrics.allMonths);
    else if (m.type === 'rendered') {
      this.lastRender = {
        charts: m.charts,
        tableRows: m.tableRows,
        ...(m.freezeMonths ? { freezeMonths: m.freezeMonths } : {}),
      };
      this.rendered.fire(this.lastRender);
    }
  }

  private post(months: readonly MonthMetrics[]): void {
    void this.panel?.webview.postMessage({ type: 'metrics', months, freezes: this.metrics.freezes });
  }

  private html(webview: vscode.Webview): string {
    const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview', 'dashboard.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'dashboard.css'));
    const csp = [
      "default-src 'none'",
      `img-src ${webview.cspSource}`,
      `style-src ${webview.cspSource}`,
      `font-src ${webview.cspSource}`,
      `script-src 'nonce-${nonce}'`,
    ].join('; ');
    const figure = (id: string, title: string, what: string): string =>
      `<figure class="card"><figcaption>${title}<span class="hint">${what}</span></figcaption><div class="chart"><canvas id="${id}" role="img" aria-label="${title} by month"></canvas></div></figure>`;
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>Change Metrics</title>
</head>
<body>
<header>
  <h1>Change metrics</h1>
  <p id="summary" class="summary">Loading…</p>
</header>
<section class="charts" aria-label="Charts">
  ${METRIC_CHARTS.map((c) => figure(c.id, c.title, c.hint)).join('\n  ')}
</section>
<ul id="freezes" class="freezes" aria-label="Change freezes" hidden></ul>
<section aria-label="Table">
  <h2>By month</h2>
  <table id="table">
    <thead><tr><th scope="col">Month</th><th scope="col">Executed</th><th scope="col">Failure rate</th><th scope="col">With rollback</th><th scope="col">Incidents caused</th><th scope="col">Mean time to rollback</th><th scope="col">By type</th><th scope="col">By risk</th></tr></thead>
    <tbody></tbody>
  </table>
</section>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
  }
}
