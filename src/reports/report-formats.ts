import type { RejectionCode } from '../cases/triage/rejection-code';
import type { AnnualReport } from './annual-report';
import { inlineStylePolicy } from '../common/http/security-headers';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** A member of an array is named by its string fields (`refund/EUR`), else by its position. */
function labelOf(item: Json, index: number): string {
  if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
    const names = Object.values(item).filter((v): v is string => typeof v === 'string');
    if (names.length > 0) return names.join('/');
  }
  return String(index);
}

/** Every leaf of a report as `metric path → value`, in document order. */
export function flatten(value: Json, path = ''): [string, string | number | boolean | null][] {
  if (value === null || typeof value !== 'object') return [[path, value]];
  const entries = Array.isArray(value)
    ? value.map((item, i) => [`${path}[${labelOf(item, i)}]`, item] as const)
    : Object.entries(value).map(([key, item]) => [path ? `${path}.${key}` : key, item] as const);
  return entries.flatMap(([childPath, item]) =>
    Array.isArray(value) && item !== null && typeof item === 'object' && !Array.isArray(item)
      ? flatten(
          Object.fromEntries(Object.entries(item).filter(([, v]) => typeof v !== 'string')),
          childPath,
        )
      : flatten(item, childPath),
  );
}

/** RFC 4180 quoting; a leading = + - @ is defused so a spreadsheet never runs it as a formula. */
function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The same report as JSON, one `metric,value` line per figure. */
export function toCsv(report: object): string {
  const rows = flatten(report as Json).map(
    ([metric, value]) => `${csvCell(metric)},${csvCell(value)}`,
  );
  return `metric,value\r\n${rows.join('\r\n')}\r\n`;
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const cell = (value: string | number | null) =>
  `<td>${value === null ? '–' : escapeHtml(String(value))}</td>`;
const pct = (value: number | null) => (value === null ? '–' : `${value} %`);
const row = (label: string, ...values: (string | number | null)[]) =>
  `<tr><th scope="row">${escapeHtml(label)}</th>${values.map(cell).join('')}</tr>`;
const humanise = (code: string) => code.replace(/_/g, ' ');

const REFUSAL_LABELS: Record<RejectionCode, string> = {
  out_of_time: 'brought out of time',
  already_in_court: 'already before a court or another body',
  not_a_customer: 'not brought by a customer',
  outside_remit: 'outside our remit',
  frivolous_or_vexatious: 'frivolous or vexatious',
  other: 'other reasons',
};

function table(caption: string, rows: string[], head?: string[]): string {
  const header = head
    ? `<thead><tr>${head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>`
    : '';
  return `<table><caption>${escapeHtml(caption)}</caption>${header}<tbody>${rows.join('')}</tbody></table>`;
}

/** The report page's only resource; its Content-Security-Policy allows it by its hash. */
const ANNUAL_REPORT_STYLE = `
body { font-family: Georgia, serif; max-width: 48rem; margin: 2rem auto; color: #111; }
table { border-collapse: collapse; width: 100%; margin: 1.5rem 0; page-break-inside: avoid; }
caption { text-align: left; font-weight: bold; font-size: 1.1rem; padding-bottom: .4rem; }
th, td { border-bottom: 1px solid #ccc; padding: .3rem .5rem; text-align: left; }
td { text-align: right; }
@media print { body { margin: 0; } }
`;

export const ANNUAL_REPORT_CSP = inlineStylePolicy(ANNUAL_REPORT_STYLE);

/** A printable page of the annual report; every text goes through escapeHtml. */
export function annualReportHtml(report: AnnualReport, officeName: string): string {
  const title = `${officeName}: annual activity report ${report.year}`;
  const sections = [
    table('Disputes', [
      row('Disputes received', report.disputesReceived),
      row('Disputes closed', report.disputesClosed),
      row('Average duration (days)', report.duration.averageDays),
      row('Median duration (days)', report.duration.medianDays),
      row('Uphold rate', pct(report.upholdRatePercent)),
    ]),
    table(
      'Types of dispute',
      report.disputeTypes.map((t) => row(humanise(t.category), t.count, pct(t.percent))),
      ['Category', 'Disputes', 'Share'],
    ),
    table('Refused and discontinued', [
      row('Refused', report.refused.count, pct(report.refused.percent)),
      ...report.refused.reasons.map((r) =>
        row(`… ${REFUSAL_LABELS[r.code]}`, r.count, pct(r.percent)),
      ),
      row('Discontinued', report.discontinued.count, pct(report.discontinued.percent)),
      row('… withdrawn by the customer', report.discontinued.withdrawnByCustomer, null),
      row('… a party went to court', report.discontinued.wentToCourt, null),
    ]),
    table(
      'Outcomes',
      Object.entries(report.outcomes).map(([outcome, count]) => row(humanise(outcome), count)),
      ['Outcome', 'Disputes'],
    ),
    table('Compliance with outcomes', [
      row('Cases with remedies owed', report.compliance.casesWithRemediesOwed),
      row('Complied with', report.compliance.casesComplied),
      row('Share complied with', pct(report.compliance.percent)),
    ]),
    table(
      'Recurring problems',
      report.recurringProblems.map((t) => row(humanise(t.category), t.count, pct(t.percent))),
      ['Category', 'Disputes', 'Share'],
    ),
    table('Corrective actions and satisfaction', [
      row('Corrective actions implemented', report.correctiveActions.implemented),
      row('Corrective actions open', report.correctiveActions.open),
      row('Satisfaction responses', report.satisfaction.responses),
      row('Average rating (1–5)', report.satisfaction.averageRating),
    ]),
  ];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>${ANNUAL_REPORT_STYLE}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${sections.join('\n')}
</body>
</html>
`;
}
