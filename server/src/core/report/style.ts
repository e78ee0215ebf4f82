/** The report's stylesheet: one inline `<style>` allowed by the page's CSP hash. Light and dark. */
export const REPORT_CSS = `
:root{color-scheme:light dark;--fg:#1f2328;--muted:#59636e;--bg:#fff;--card:#f6f8fa;--line:#d1d9e0;--err:#cf222e;--warn:#9a6700;--info:#0969da;--freeze:rgba(84,174,255,.16);--accent:#0969da}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;--card:#151b23;--line:#3d444d;--err:#f85149;--warn:#d29922;--info:#4493f8;--freeze:rgba(56,139,253,.2);--accent:#4493f8}}
*{box-sizing:border-box}
body{margin:0;padding:0 24px 40px;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
header{padding:20px 0 8px;border-bottom:1px solid var(--line)}
h1{font-size:1.6em;margin:0 0 4px}h2{font-size:1.25em;margin:28px 0 10px}
.meta,figcaption span{color:var(--muted)}
nav a{color:var(--accent);margin-right:14px}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:5px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{color:var(--muted);font-weight:600;white-space:nowrap}
th button{all:unset;cursor:pointer;font:inherit;color:inherit}
th button:focus-visible{outline:2px solid var(--accent)}
th[aria-sort=ascending] button::after{content:" ▲"}th[aria-sort=descending] button::after{content:" ▼"}
tbody tr:hover{background:var(--card)}
td.id{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.85em;min-width:13em;max-width:20em;overflow-wrap:anywhere}
td.title{min-width:14em;max-width:26em;overflow-wrap:anywhere}td.svc{max-width:20em;overflow-wrap:anywhere}
td.win{white-space:nowrap}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,460px),1fr));gap:14px}
figure{margin:0;padding:10px 12px;border:1px solid var(--line);border-radius:6px;background:var(--card)}
figcaption{font-weight:600;margin-bottom:6px}figcaption span{display:block;font-weight:400;font-size:.9em}
svg{width:100%;height:auto;display:block}
svg text{fill:var(--muted);font-size:10px}svg text.value{fill:var(--fg)}
svg .grid{stroke:var(--line);stroke-width:.6}svg .axis{stroke:var(--muted);stroke-width:.8}
svg .freeze{fill:var(--freeze)}
.filters{display:flex;flex-wrap:wrap;gap:10px;align-items:end;margin:0 0 12px}
.filters label{display:flex;flex-direction:column;font-size:.85em;color:var(--muted);gap:2px}
select,input,.filters button{font:inherit;color:var(--fg);background:var(--bg);border:1px solid var(--line);border-radius:4px;padding:4px 6px;max-width:16em}
.filters button{cursor:pointer}
output{color:var(--muted);padding-bottom:5px}
.error{color:var(--err)}.warning{color:var(--warn)}.information,.hint{color:var(--info)}li b{font-weight:600}
details summary{cursor:pointer;white-space:nowrap}
details ol{margin:6px 0 0;padding-left:1.2em;min-width:18em;max-width:30em}
details li{margin-bottom:4px;overflow-wrap:anywhere}
code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.9em}
.ok{color:var(--muted)}
.badge{display:inline-block;padding:0 6px;border-radius:10px;background:var(--freeze);font-size:.85em;white-space:nowrap}
.empty{color:var(--muted);font-style:italic}
@media print{.filters,nav{display:none}tbody tr[hidden]{display:none}}
`;
