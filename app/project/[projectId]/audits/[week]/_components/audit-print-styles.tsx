/**
 * Page set-up for printing the audit report on A4: the sidebar and top bar hide themselves in
 * print, so the report gets the whole sheet. Cards keep away from page breaks where they fit.
 */
const PRINT_CSS = `
@media print {
  @page { size: A4 portrait; margin: 12mm; }
  html, body { background: white; }
  body { font-size: 11px; }
  main { padding: 0 !important; }
  [data-audit-report] .shadow-xs { box-shadow: none; }
}
`;

export function AuditPrintStyles() {
  return <style>{PRINT_CSS}</style>;
}
