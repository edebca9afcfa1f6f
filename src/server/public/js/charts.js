// Chart.js (loaded as /vendor/chart.umd.js, the global Chart) for the time series: one colour
// per event type, cooperative types in blues and greens, conflictual ones in reds, so a
// stacked bar shows at a glance which way a relationship leans.
import { lang, t } from './i18n.js';
import { typeLabel } from './gloss.js';

const TYPE_COLOURS = {
  CONSULT: '#2f6fb0', AGREE: '#3a9e6f', SUPPORT: '#6bb7d6', CONCEDE: '#9bcf8c', COOPERATE: '#1f8a8a',
  AID: '#7a9fd9', RETREAT: '#b7c9a8', REQUEST: '#a58cd0',
  ACCUSE: '#e08a3c', REJECT: '#c9a227', THREATEN: '#d9534f', PROTEST: '#e6a0a0', SANCTION: '#a83a3a',
  MOBILIZE: '#8c5a3c', COERCE: '#b0306a', ASSAULT: '#6d1f1f',
};

/** The period of events dated to no month (undated, or to a year only). */
const NO_MONTH = '';

/** Months from the first to the last of `periods`, gaps included, so the axis is true time. */
function monthRange(periods) {
  const months = periods.filter((p) => /^\d{4}-\d{2}$/.test(p)).sort();
  if (!months.length) return [];
  const out = [];
  let [year, month] = months[0].split('-').map(Number);
  const last = months[months.length - 1];
  for (let label = months[0]; label <= last; label = `${year}-${String(month).padStart(2, '0')}`) {
    out.push(label);
    if (++month > 12) { month = 1; year += 1; }
  }
  return out;
}

/** Right to left in Arabic: time runs from right to left, the count axis on the right. */
const rtl = () => lang() === 'ar';

const common = () => ({
  responsive: true,
  maintainAspectRatio: false,
  animation: false,
  locale: lang(),
  plugins: { legend: { position: 'bottom', rtl: rtl() }, tooltip: { rtl: rtl() } },
});

/**
 * Stacked bars of `rows` ({ period: 'YYYY-MM' or '' for no month, type, count }) per month.
 * Events without a month, when there are any, get a bar of their own at the end.
 */
export function typeTimeline(canvas, rows) {
  const periods = monthRange(rows.map((r) => r.period));
  if (rows.some((r) => r.period === NO_MONTH)) periods.push(NO_MONTH);
  const types = Object.keys(TYPE_COLOURS).filter((type) => rows.some((r) => r.type === type));
  const count = (period, type) => rows.filter((r) => r.period === period && r.type === type).reduce((n, r) => n + r.count, 0);
  return new globalThis.Chart(canvas, {
    type: 'bar',
    data: {
      labels: periods.map((p) => p || t('noMonth')),
      datasets: types.map((type) => ({ label: typeLabel(type), data: periods.map((p) => count(p, type)), backgroundColor: TYPE_COLOURS[type], maxBarThickness: 48 })),
    },
    options: {
      ...common(),
      scales: {
        x: { stacked: true, reverse: rtl() },
        y: { stacked: true, beginAtZero: true, ticks: { precision: 0 }, position: rtl() ? 'right' : 'left' },
      },
    },
  });
}

/** Cooperation, conflict and the rest, as a doughnut. */
export function shareChart(canvas, { cooperative, conflictual, other }) {
  return new globalThis.Chart(canvas, {
    type: 'doughnut',
    data: {
      labels: [t('dyad.cooperative'), t('dyad.conflictual'), t('dyad.other')],
      datasets: [{ data: [cooperative, conflictual, other], backgroundColor: ['#3a9e6f', '#d9534f', '#b8b8b8'] }],
    },
    options: common(),
  });
}
