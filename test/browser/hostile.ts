/**
 * The hostile-values corpus of the report's browser test: the strings of test/e2e/security.test.ts
 * (HTML and `</script>` in titles, `command:`/`javascript:` links, RTL overrides, a 10,000-character
 * value, a file named as markup) plus attribute and template breakouts. Every payload that could
 * run sets `window.__pwned` or opens a dialog, which the test watches for.
 */
import { validChange } from '../cli/run';

const LONG = 'A'.repeat(10_000);

/** Texts that must appear in the changes table as text, exactly. */
export const PWN_MARKERS = [
  '<img src=x onerror="window.__pwned=1">',
  '</script><script>window.__pwned=1</script>',
  '"><svg onload=window.__pwned=1>',
  "' onmouseover='window.__pwned=1",
  '[click me](command:workbench.action.quit)',
  'javascript:alert(1)',
  '<b>bold</b>',
  '</textarea></style>',
  "{{constructor.constructor('window.__pwned=1')()}}",
  '${window.__pwned=1}',
  '\u202Egnp.exe',
];

function hostile(title: string, owner: string, services: string, extra = ''): string {
  return validChange({ services, status: 'Planned', log: ['2026-11-26 10:02 UTC Planned by @alice'] })
    .replace('# Upgrade payments-db', `# ${title}`)
    .replace('- Change Owner: @alice', `- Change Owner: ${owner}`)
    .replace('- Risk level: High', `- Risk level: High${extra}`);
}

/** The files of the hostile workspace (file names are markup too). */
export const HOSTILE_FILES: Record<string, string> = {
  '.itsmote.json': JSON.stringify({
    freezes: [
      {
        name: '<script>window.__pwned=1</script>',
        start: '2026-12-01 00:00 UTC',
        end: '2026-12-02 00:00 UTC',
        services: ['<b>*'],
      },
    ],
  }),
  'changes/<svg onload=alert(1)>.md': hostile(
    '<img src=x onerror="window.__pwned=1"> </script><script>window.__pwned=1</script> \u202Egnp.exe',
    '[click me](command:workbench.action.quit) \u202Eevil',
    `javascript:alert(1), <b>bold</b>, ![x](https://evil.example/t.png), ${LONG}`,
    '\n- Caused incidents: INC-77<img src=x onerror=alert(1)>',
  ),
  'changes/quote" onmouseover="x.md': hostile(
    '"><svg onload=window.__pwned=1>',
    "' onmouseover='window.__pwned=1",
    '</textarea></style><!--',
  ),
  'changes/template.md': hostile(
    "{{constructor.constructor('window.__pwned=1')()}}",
    '<img src=x onerror="window.__pwned=1">',
    '${window.__pwned=1}, <b>payments',
  ),
};
