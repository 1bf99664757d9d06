// Bulwark dashboard: a small single-page UI over the server's REST API (/api/v1).
// No framework, no build step, no network access beyond this origin. The DOM is built with
// createElement/textContent only (never HTML strings: the page runs under Trusted Types).
// The API token is asked for once and kept in sessionStorage (this tab only, gone when it closes).

const TOKEN_KEY = 'bulwark.token';
const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'NEGLIGIBLE', 'UNKNOWN'];
const EVENT_TYPES = ['vulnerability.new', 'vulnerability.resolved', 'os.eol', 'policy.failing', 'image.registered', 'image.updated', 'image.deleted'];
const SVG_NS = 'http://www.w3.org/2000/svg';
const MAX_ROWS = 500;

const main = document.getElementById('main');
const statusEl = document.getElementById('status');

// ---------------------------------------------------------------- DOM helpers

/** h('a', { href, class, onclick, dataset }, ...children): children are nodes, strings, arrays or null. */
function h(tag, props, ...children) {
  const el = document.createElement(tag);
  setProps(el, props);
  append(el, children);
  return el;
}

/** An SVG element. */
function s(tag, props, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  setProps(el, props);
  append(el, children);
  return el;
}

function setProps(el, props) {
  for (const [k, v] of Object.entries(props ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k === 'value' || k === 'checked' || k === 'selected') el[k] = v;
    else el.setAttribute(k === 'className' ? 'class' : k, v === true ? '' : String(v));
  }
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

function setStatus(text, kind = '') {
  statusEl.textContent = text;
  statusEl.className = `status ${kind}`.trim();
}

// ---------------------------------------------------------------- formatting

const sevRank = (sev) => {
  const i = SEVERITIES.indexOf(String(sev).toUpperCase());
  return i < 0 ? SEVERITIES.length : i;
};

function sevBadge(sev) {
  const v = String(sev || 'UNKNOWN').toUpperCase();
  return h('span', { class: `sev sev-${v.toLowerCase()}` }, v);
}

function fmtTime(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return h('time', { datetime: iso, title: iso }, d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }));
}

function shortDigest(d) {
  if (!d) return '—';
  const m = /^(sha\d+):([0-9a-f]+)$/.exec(d);
  return m ? `${m[1]}:${m[2].slice(0, 12)}` : d;
}

function osvLink(id) {
  return h('a', { href: `https://osv.dev/vulnerability/${encodeURIComponent(id)}`, target: '_blank', rel: 'noopener noreferrer', class: 'vuln-id' }, id, h('span', { class: 'visually-hidden' }, ' (opens osv.dev in a new tab)'));
}

function imageLink(id, ref) {
  if (!id) return ref || '—';
  return h('a', { href: `#/images/${id}` }, ref || `image ${id}`);
}

const total = (counts) => SEVERITIES.reduce((n, k) => n + (counts?.[k] ?? 0), 0);

/** Sort key for "worst first": counts by severity, most severe first. */
function worstFirst(a, b) {
  for (const k of SEVERITIES) {
    const d = (b.findings?.[k] ?? 0) - (a.findings?.[k] ?? 0);
    if (d) return d;
  }
  return a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0;
}

/** One line describing an event's payload. */
function eventSummary(e) {
  const p = e.payload ?? {};
  switch (e.type) {
    case 'vulnerability.new':
    case 'vulnerability.resolved':
      return [osvLink(p.vulnId), ' ', sevBadge(p.severity), ` ${p.package ?? ''} ${p.version ?? ''}`, p.fixedVersion ? ` — fixed in ${p.fixedVersion}` : p.status ? ` — ${statusText(p.status)}` : ''];
    case 'os.eol':
      return `${p.os ?? 'the OS'} is past its end of life${p.eolDate ? ` (${p.eolDate})` : ''}`;
    case 'policy.failing':
      return `fails policy ${p.policy ?? ''}${Array.isArray(p.violations) ? `: ${p.violations.length} violation${p.violations.length === 1 ? '' : 's'}` : ''}`;
    case 'image.registered': {
      const by = p.bySeverity ?? {};
      const parts = SEVERITIES.filter((k) => by[k]).map((k) => `${by[k]} ${k.toLowerCase()}`);
      return `registered with ${p.findings ?? 0} finding${p.findings === 1 ? '' : 's'}${parts.length ? ` (${parts.join(', ')})` : ''}`;
    }
    case 'image.updated':
      return `digest moved ${shortDigest(p.previousDigest)} → ${shortDigest(p.digest)}`;
    case 'image.deleted':
      return 'no longer monitored';
    default:
      return JSON.stringify(p).slice(0, 200);
  }
}

function statusText(st) {
  return (
    {
      fixed: 'fix available',
      affected: 'no fix yet',
      will_not_fix: "won't be fixed",
      fix_deferred: 'fix deferred',
      end_of_life: 'release past end of life',
      unknown: 'unknown',
    }[st] ?? st
  );
}

/** What to do about one finding. */
function findingAdvice(f) {
  if (f.fixedVersion) return `Upgrade ${f.pkg?.name ?? 'the package'} to ${f.fixedVersion} or later`;
  switch (f.status) {
    case 'will_not_fix':
      return 'The distribution will not fix this; mitigate or replace the package';
    case 'fix_deferred':
      return 'The distribution deferred the fix; watch for an update';
    case 'end_of_life':
      return 'Move to a supported release of the OS';
    default:
      return 'No fixed version yet; watch for an update';
  }
}

function adviceSentence(a) {
  const plural = (n, w) => `${n} ${w}${n === 1 ? '' : 's'}`;
  if (!a.total) return 'No open findings.';
  if (!a.packages.length) return `None of the ${plural(a.total, 'finding')} has a fix yet.`;
  return `Upgrading ${plural(a.packages.length, 'package')} fixes ${a.fixable} of ${plural(a.total, 'finding')}.`;
}

// ---------------------------------------------------------------- API

class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

const token = () => sessionStorage.getItem(TOKEN_KEY);

async function api(path, tok = token()) {
  const res = await fetch(path, { headers: { authorization: `Bearer ${tok}`, accept: 'application/json' }, cache: 'no-store', credentials: 'omit' });
  let body;
  try {
    body = await res.json();
  } catch {
    body = undefined;
  }
  if (!res.ok) {
    if (res.status === 401 && tok === token()) {
      sessionStorage.removeItem(TOKEN_KEY);
      showLogin('The token was refused (unknown or revoked). Paste a valid one.');
    }
    throw new ApiError(res.status, body?.message ?? `HTTP ${res.status}`);
  }
  return body;
}

// ---------------------------------------------------------------- small widgets

function table(caption, headers, rows, opts = {}) {
  return h(
    'div',
    { class: `table-wrap ${opts.wrapClass ?? ''}`.trim(), tabindex: '0', role: 'region', 'aria-label': caption },
    h(
      'table',
      { class: opts.class },
      h('caption', { class: opts.showCaption ? '' : 'visually-hidden' }, caption),
      h('thead', null, h('tr', null, headers.map((c) => h('th', { scope: 'col', class: typeof c === 'object' ? c.class : undefined }, typeof c === 'object' ? c.label : c)))),
      h('tbody', null, rows.length ? rows : h('tr', null, h('td', { colspan: headers.length, class: 'empty' }, opts.empty ?? 'Nothing to show.'))),
    ),
  );
}

function section(title, id, ...children) {
  return h('section', { 'aria-labelledby': id, class: 'card' }, h('h2', { id }, title), children);
}

/** A horizontal stacked bar of severity counts. */
function sevBar(counts, width = 160) {
  const n = total(counts);
  const svg = s('svg', { width, height: 12, viewBox: `0 0 ${width} 12`, class: 'sevbar', role: 'img', 'aria-label': n ? SEVERITIES.filter((k) => counts[k]).map((k) => `${counts[k]} ${k.toLowerCase()}`).join(', ') : 'no findings' });
  if (!n) {
    svg.append(s('rect', { x: 0, y: 0, width, height: 12, class: 'bar-none', rx: 2 }));
    return svg;
  }
  let x = 0;
  for (const k of SEVERITIES) {
    const c = counts[k] ?? 0;
    if (!c) continue;
    const w = Math.max(2, (c / n) * width);
    svg.append(s('rect', { x: x.toFixed(1), y: 0, width: w.toFixed(1), height: 12, class: `bar-${k.toLowerCase()}` }, s('title', null, `${c} ${k.toLowerCase()}`)));
    x += w;
  }
  return svg;
}

function countCells(counts) {
  return [
    ...['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'].map((k) => h('td', { class: `num ${counts?.[k] ? `cnt-${k.toLowerCase()}` : 'zero'}` }, String(counts?.[k] ?? 0))),
    h('td', { class: `num ${(counts?.NEGLIGIBLE ?? 0) + (counts?.UNKNOWN ?? 0) ? '' : 'zero'}` }, String((counts?.NEGLIGIBLE ?? 0) + (counts?.UNKNOWN ?? 0))),
  ];
}

/** The chart's series: total plus one per severity group ("Other" = negligible + unknown). */
const CHART_SERIES = [
  ['total', 'Total'],
  ['CRITICAL', 'Critical'],
  ['HIGH', 'High'],
  ['MEDIUM', 'Medium'],
  ['LOW', 'Low'],
  ['OTHER', 'Other'],
];

/** Points of /api/v1/stats/findings-history as { t, total, CRITICAL, HIGH, MEDIUM, LOW, OTHER }. */
function historyPoints(history) {
  return history.points.map((p) => {
    const by = p.bySeverity ?? {};
    return { t: Date.parse(p.time), total: p.total, CRITICAL: by.CRITICAL ?? 0, HIGH: by.HIGH ?? 0, MEDIUM: by.MEDIUM ?? 0, LOW: by.LOW ?? 0, OTHER: (by.NEGLIGIBLE ?? 0) + (by.UNKNOWN ?? 0), unclassified: p.unclassified ?? 0 };
  });
}

/** The top of the y axis: four equal whole steps (1, 2, 5 × 10^k each) reaching at least v. */
function niceMax(v) {
  const raw = Math.max(1, v / 4);
  const p = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * p >= raw) return 4 * Math.ceil(m * p);
  return 40 * p;
}

/** The SVG chart of open findings over time by severity (step lines), plus a data table for screen readers. */
function historyChart(points) {
  if (!points.length) return h('p', { class: 'muted' }, 'No scans yet.');
  const W = 960;
  const H = 240;
  const pad = { l: 44, r: 24, t: 12, b: 36 };
  // at least the last 24 hours, so a young history reads as a timeline rather than one squeezed instant
  const t1 = Math.max(Date.now(), points[points.length - 1].t);
  const t0 = Math.min(points[0].t, t1 - 86_400_000);
  const span = t1 - t0;
  const max = niceMax(Math.max(...points.map((p) => p.total), 1));
  const x = (t) => pad.l + ((t - t0) / span) * (W - pad.l - pad.r);
  const y = (n) => pad.t + (1 - n / max) * (H - pad.t - pad.b);
  // step line: horizontal until the next scan, then vertical
  const stepPath = (key) => {
    let d = `M${x(points[0].t).toFixed(1)},${y(points[0][key]).toFixed(1)}`;
    for (let i = 1; i < points.length; i++) d += ` H${x(points[i].t).toFixed(1)} V${y(points[i][key]).toFixed(1)}`;
    return `${d} H${x(t1).toFixed(1)}`;
  };
  const last = points[points.length - 1];
  const now = CHART_SERIES.filter(([k]) => k !== 'total' && last[k]).map(([k, label]) => `${last[k]} ${label.toLowerCase()}`).join(', ');
  const svg = s(
    'svg',
    { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', 'aria-labelledby': 'chart-title' },
    s('title', { id: 'chart-title' }, `Open findings over time by severity: ${last.total} now${now ? ` (${now})` : ''}, from ${points.length} scan point${points.length === 1 ? '' : 's'}`),
  );
  for (let i = 0; i <= 4; i++) {
    const v = (max / 4) * i;
    svg.append(s('line', { x1: pad.l, x2: W - pad.r, y1: y(v), y2: y(v), class: 'grid' }));
    svg.append(s('text', { x: pad.l - 6, y: y(v) + 4, class: 'axis', 'text-anchor': 'end' }, String(Math.round(v))));
  }
  const fmt = (t) => new Date(t).toLocaleString(undefined, span > 3 * 86_400_000 ? { month: 'short', day: 'numeric' } : { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  for (const [t, anchor] of [[t0, 'start'], [t0 + span / 2, 'middle'], [t1, 'end']]) svg.append(s('text', { x: x(t), y: H - pad.b + 18, class: 'axis', 'text-anchor': anchor }, fmt(t)));
  svg.append(s('line', { x1: pad.l, x2: W - pad.r, y1: y(0), y2: y(0), class: 'baseline' }));
  const shown = CHART_SERIES.filter(([k]) => k === 'total' || points.some((p) => p[k]));
  // the total first (underneath), then the severities, most severe on top
  for (const [k] of [...shown].reverse()) svg.append(s('path', { d: stepPath(k), class: `line line-${k.toLowerCase()}` }));
  for (const p of points) svg.append(s('circle', { cx: x(p.t), cy: y(p.total), r: 3.5, class: 'dot' }, s('title', null, `${new Date(p.t).toLocaleString()}: ${p.total} open`)));
  const legend = h('ul', { class: 'legend', 'aria-hidden': 'true' }, shown.map(([k, label]) => h('li', null, h('span', { class: `swatch swatch-${k.toLowerCase()}` }), label)));
  const unclassified = points.some((p) => p.unclassified);
  const rows = points
    .slice(-50)
    .reverse()
    .map((p) => h('tr', null, h('td', null, fmtTime(new Date(p.t).toISOString())), CHART_SERIES.map(([k]) => h('td', { class: 'num' }, String(p[k])))));
  return h(
    'figure',
    { class: 'chart-fig' },
    svg,
    legend,
    unclassified ? h('p', { class: 'muted small' }, 'Scans recorded before severities were kept count in the total only.') : null,
    h('details', null, h('summary', null, 'Chart data'), table('Open findings at each scan, by severity', ['Time', ...CHART_SERIES.map(([, label]) => ({ label, class: 'num' }))], rows)),
  );
}

function eventRows(events, withImage = true) {
  return events.map((e) =>
    h(
      'tr',
      { dataset: { eventId: e.id, eventType: e.type } },
      h('td', { class: 'nowrap' }, fmtTime(e.createdAt)),
      h('td', null, h('span', { class: `etype etype-${e.type.replace(/\W+/g, '-')}` }, e.type)),
      withImage ? h('td', null, imageLink(e.imageId, e.imageRef)) : null,
      h('td', null, eventSummary(e)),
    ),
  );
}

function eventTable(caption, events, withImage = true) {
  return table(caption, ['When', 'Type', withImage ? 'Image' : null, 'What'].filter(Boolean), eventRows(events, withImage), { empty: 'No events.', class: 'events' });
}

function heading(text, sub) {
  return h('div', { class: 'page-head' }, h('h1', { tabindex: '-1' }, text), sub ? h('p', { class: 'muted' }, sub) : null);
}

// ---------------------------------------------------------------- pages

async function overviewPage() {
  const [images, events] = await Promise.all([api('/api/v1/images'), api('/api/v1/events?limit=12')]);
  images.sort(worstFirst);
  const sums = {};
  for (const i of images) for (const k of SEVERITIES) sums[k] = (sums[k] ?? 0) + (i.findings?.[k] ?? 0);
  const open = total(sums);
  const lastScan = images.map((i) => i.lastScanAt).filter(Boolean).sort().pop();
  const imgRows = images.map((i) =>
    h('tr', { dataset: { imageId: i.id } }, h('th', { scope: 'row' }, imageLink(i.id, i.ref)), countCells(i.findings), h('td', { class: 'num' }, String(total(i.findings))), h('td', null, sevBar(i.findings ?? {})), h('td', { class: 'nowrap' }, fmtTime(i.lastScanAt))),
  );
  const chartSlot = h('div', { class: 'chart-slot' }, h('p', { class: 'muted' }, 'Loading scan history…'));
  const tile = (label, value, cls = '') => h('div', { class: `tile ${cls}` }, h('dt', null, label), h('dd', null, String(value)));
  const page = [
    heading('Overview', images.length ? `${images.length} monitored image${images.length === 1 ? '' : 's'}` : 'No images yet: register one through the API (POST /api/v1/images or /api/v1/images/sbom).'),
    h(
      'dl',
      { class: 'tiles', 'aria-label': 'Totals' },
      tile('Images', images.length),
      tile('Open findings', open),
      tile('Critical', sums.CRITICAL ?? 0, sums.CRITICAL ? 'tile-critical' : ''),
      tile('High', sums.HIGH ?? 0, sums.HIGH ? 'tile-high' : ''),
      tile('Medium', sums.MEDIUM ?? 0),
      tile('Low', sums.LOW ?? 0),
      tile('Other', (sums.NEGLIGIBLE ?? 0) + (sums.UNKNOWN ?? 0)),
      h('div', { class: 'tile tile-wide' }, h('dt', null, 'Last scan'), h('dd', null, fmtTime(lastScan))),
    ),
    section(
      'Images by severity',
      'images-h',
      table('Images, worst first', ['Image', { label: 'Critical', class: 'num' }, { label: 'High', class: 'num' }, { label: 'Medium', class: 'num' }, { label: 'Low', class: 'num' }, { label: 'Other', class: 'num' }, { label: 'Total', class: 'num' }, 'Distribution', 'Last scan'], imgRows, { empty: 'No images.', class: 'images' }),
    ),
    section('Open findings over time', 'chart-h', chartSlot),
    section('Latest events', 'events-h', eventTable('Latest events', events), h('p', null, h('a', { href: '#/events' }, 'All events'))),
  ];
  // the chart comes from the findings-history endpoint (last 30 days): fill it in afterwards
  const since = new Date(Date.now() - 30 * 86_400_000).toISOString();
  api(`/api/v1/stats/findings-history?since=${encodeURIComponent(since)}`).then(
    (history) => chartSlot.replaceChildren(historyChart(historyPoints(history))),
    (err) => chartSlot.replaceChildren(h('p', { class: 'error' }, `Scan history unavailable: ${err.message}`)),
  );
  return page;
}

async function imagePage(id) {
  const [info, findings, packages, scans, events, summary, layerInfo, hardening] = await Promise.all([
    api(`/api/v1/images/${id}`),
    api(`/api/v1/images/${id}/findings`),
    api(`/api/v1/images/${id}/packages`),
    api(`/api/v1/images/${id}/scans`),
    api(`/api/v1/images/${id}/events`),
    api(`/api/v1/images/${id}/summary`).catch(() => undefined),
    api(`/api/v1/images/${id}/layers`).catch(() => undefined),
    api(`/api/v1/images/${id}/hardening`).catch(() => undefined),
  ]);
  const img = info.image;
  const os = info.os;
  const eol = summary?.eol;
  const eolEvent = events.find((e) => e.type === 'os.eol');
  let eolNode = null;
  if (eol?.state === 'eol' || eolEvent) eolNode = h('span', { class: 'flag flag-eol' }, `End of life${eol?.eolDate ? ` since ${eol.eolDate}` : eolEvent?.payload?.eolDate ? ` since ${eolEvent.payload.eolDate}` : ''}`);
  else if (eol?.state === 'supported') eolNode = h('span', { class: 'flag flag-ok' }, `Supported${eol.eolDate ? ` until ${eol.eolDate}` : ''}`);
  else if (eol?.state === 'rolling') eolNode = h('span', { class: 'flag flag-ok' }, 'Rolling release');
  else if (eol) eolNode = h('span', { class: 'flag' }, `EOL status unknown${eol.reason ? ` (${eol.reason})` : ''}`);

  const dl = (pairs) => h('dl', { class: 'facts' }, pairs.filter(Boolean).map(([k, v]) => [h('dt', null, k), h('dd', null, v)]));
  const facts = dl([
    ['Reference', h('code', null, img.ref)],
    ['Digest', img.digest ? h('code', { class: 'break' }, img.digest) : '—'],
    ['OS', os ? [os.prettyName || `${os.family} ${os.version}`, ' ', eolNode] : 'not detected'],
    ['Source', `${img.sourceKind}${info.sbomFormat ? ` (${info.sbomFormat})` : ''}${img.osManagedUpstream ? ', OS-managed packages matched upstream' : ''}`],
    ['Packages', String(info.packages ?? packages.length)],
    ['Registered', fmtTime(img.registeredAt)],
    ['Last scan', info.lastScan ? [fmtTime(info.lastScan.time), ` (${info.lastScan.trigger}, advisories of `, fmtTime(info.lastScan.advisoryStamp), ')'] : 'never'],
  ]);

  // findings
  findings.sort((a, b) => sevRank(a.severity) - sevRank(b.severity) || a.vulnId.localeCompare(b.vulnId));
  const findingRows = (sev) =>
    findings
      .filter((f) => !sev || f.severity === sev)
      .map((r) => {
        const f = r.finding;
        return h(
          'tr',
          { dataset: { vulnId: r.vulnId } },
          h('td', null, sevBadge(r.severity)),
          h('td', { class: 'nowrap' }, osvLink(r.vulnId), (f.aliases ?? []).slice(0, 2).map((a) => h('div', { class: 'muted small' }, a)), f.aliases?.length > 2 ? h('div', { class: 'muted small', title: f.aliases.slice(2).join(', ') }, `+${f.aliases.length - 2} more`) : null),
          h('td', { class: 'pkg' }, f.pkg?.name, f.pkg?.path ? h('div', { class: 'muted small break' }, f.pkg.path) : null),
          h('td', { class: 'nowrap' }, h('code', null, f.installedVersion)),
          h('td', { class: 'nowrap' }, f.fixedVersion ? h('code', null, f.fixedVersion) : h('span', { class: 'muted' }, 'none')),
          h('td', null, statusText(f.status)),
          h('td', { class: 'advice' }, findingAdvice(f)),
          h('td', { class: 'title' }, h('span', { class: 'clamp', title: f.title || undefined }, f.title || '')),
        );
      });
  const findingsHead = ['Severity', 'ID', 'Package', 'Installed', 'Fixed in', 'Status', 'Fix advice', 'Title'];
  const findingsSlot = h('div', null, table('Findings', findingsHead, findingRows(''), { empty: 'No open findings.', class: 'findings' }));
  const sevSelect = h(
    'select',
    {
      id: 'sev-filter',
      onchange: (ev) => findingsSlot.replaceChildren(table('Findings', findingsHead, findingRows(ev.target.value), { empty: 'No findings at this severity.', class: 'findings' })),
    },
    h('option', { value: '' }, `All (${findings.length})`),
    SEVERITIES.filter((k) => findings.some((f) => f.severity === k)).map((k) => h('option', { value: k }, `${k} (${findings.filter((f) => f.severity === k).length})`)),
  );

  // fix advice per package (server-side src/vuln/fix-advice.ts)
  const advice = summary?.fixAdvice;
  const adviceNode = advice
    ? [
        h('p', { class: 'advice-summary' }, adviceSentence(advice)),
        advice.packages.length
          ? table(
              'Recommended upgrades',
              ['Package', 'Type', 'Installed', 'Upgrade to', 'Fixes'],
              advice.packages.map((p) => h('tr', null, h('td', null, p.name, p.path ? h('div', { class: 'muted small break' }, p.path) : null), h('td', null, p.type), h('td', null, h('code', null, p.installed)), h('td', null, h('code', { class: 'upgrade' }, p.recommended)), h('td', null, p.fixes.map((id, i) => [i ? ', ' : '', osvLink(id)])))),
              { class: 'advice-table' },
            )
          : null,
      ]
    : h('p', { class: 'muted' }, 'Fix advice is unavailable.');

  // packages with a filter
  const types = [...new Set(packages.map((p) => p.type))].sort();
  const pkgRows = (q, type) => {
    const ql = q.trim().toLowerCase();
    const hits = packages.filter((p) => (!type || p.type === type) && (!ql || p.name.toLowerCase().includes(ql) || (p.purl ?? '').toLowerCase().includes(ql)));
    return {
      hits: hits.length,
      rows: hits.slice(0, MAX_ROWS).map((p) => {
        const loc = p.locations?.[0];
        const lic = p.licenses ?? [];
        return h('tr', null, h('td', null, p.name), h('td', null, h('code', null, p.version)), h('td', null, p.type), h('td', { class: 'break small' }, loc?.path ?? ''), h('td', { class: 'num' }, loc?.layerIndex ?? '—'), h('td', { class: 'small', title: lic.length > 2 ? lic.join(', ') : undefined }, lic.slice(0, 2).join(', '), lic.length > 2 ? ` +${lic.length - 2} more` : ''));
      }),
    };
  };
  const pkgSlot = h('div');
  const pkgCount = h('p', { class: 'muted', 'aria-live': 'polite', id: 'pkg-count' });
  const pkgQ = h('input', { type: 'search', id: 'pkg-q', placeholder: 'name or purl', autocomplete: 'off' });
  const pkgT = h('select', { id: 'pkg-type' }, h('option', { value: '' }, 'All types'), types.map((t) => h('option', { value: t }, t)));
  const renderPkgs = () => {
    const { hits, rows } = pkgRows(pkgQ.value, pkgT.value);
    pkgCount.textContent = `Showing ${Math.min(hits, MAX_ROWS)} of ${hits} matching (${packages.length} in all).`;
    pkgSlot.replaceChildren(table('Packages', ['Name', 'Version', 'Type', 'Path', { label: 'Layer', class: 'num' }, 'Licenses'], rows, { empty: 'No package matches.', class: 'packages', wrapClass: 'scroll' }));
  };
  pkgQ.addEventListener('input', renderPkgs);
  pkgT.addEventListener('change', renderPkgs);
  renderPkgs();

  // layers (kept when the server scanned the image; SBOM uploads have none), with packages per layer
  const pkgsPerLayer = new Map();
  for (const p of packages)
    for (const l of p.locations ?? []) if (l.layerIndex !== undefined) pkgsPerLayer.set(l.layerIndex, (pkgsPerLayer.get(l.layerIndex) ?? 0) + 1);
  const layerList = layerInfo?.layers ?? null;
  const layerNode = layerList
    ? table(
        'Layers, base first',
        [{ label: '#', class: 'num' }, 'Created by', 'Diff ID', { label: 'Size', class: 'num' }, { label: 'Packages', class: 'num' }],
        layerList.map((l) =>
          h(
            'tr',
            { dataset: { layer: l.index } },
            h('td', { class: 'num' }, String(l.index)),
            h('td', { class: 'created-by' }, l.createdBy ? h('code', { class: 'clamp break', title: l.createdBy }, l.createdBy) : h('span', { class: 'muted' }, 'unknown')),
            h('td', null, h('code', { title: l.diffId }, shortDigest(l.diffId))),
            h('td', { class: 'num nowrap' }, fmtBytes(l.size)),
            h('td', { class: 'num' }, String(pkgsPerLayer.get(l.index) ?? 0)),
          ),
        ),
        { empty: 'The image has no layers.', class: 'layers' },
      )
    : h('p', { class: 'muted' }, `No layer information: ${layerInfo?.reason ?? 'unavailable'}.`);

  return [
    h('p', { class: 'crumbs' }, h('a', { href: '#/' }, 'Overview'), ' › image'),
    heading(img.ref, null),
    h('div', { class: 'grid2' }, section('Image', 'facts-h', facts, h('div', { class: 'sevline' }, sevBar(img.findings ?? {}, 240), ' ', `${total(img.findings)} open finding${total(img.findings) === 1 ? '' : 's'}`)), section('Fix advice', 'advice-h', adviceNode)),
    section('Findings', 'findings-h', h('div', { class: 'filters' }, h('label', { for: 'sev-filter' }, 'Severity '), sevSelect), findingsSlot),
    section('Hardening', 'hardening-h', hardeningNode(hardening)),
    section('Packages', 'packages-h', h('div', { class: 'filters' }, h('label', { for: 'pkg-q' }, 'Filter '), pkgQ, ' ', h('label', { for: 'pkg-type', class: 'visually-hidden' }, 'Package type'), pkgT), pkgCount, pkgSlot),
    section('Layers', 'layers-h', layerNode),
    h('div', { class: 'grid2' }, section('Events', 'ievents-h', eventTable('Events of this image', events.slice(0, 50), false)), section('Scan history', 'scans-h', table('Scans, newest first', ['Time', 'Trigger', 'Advisories of', { label: 'Findings', class: 'num' }], scans.slice(0, 50).map((sc) => h('tr', null, h('td', null, fmtTime(sc.time)), h('td', null, sc.trigger), h('td', null, fmtTime(sc.advisoryStamp)), h('td', { class: 'num' }, String(sc.findings)))), { empty: 'No scans yet.' }))),
  ];
}

const CHECK_SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO'];

function fmtBytes(n) {
  if (typeof n !== 'number') return '—';
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) (v /= 1024), i++;
  return `${i ? v.toFixed(1) : v} ${units[i]}`;
}

/** Where a check result points: path[:line], layer and its created_by. */
function checkWhere(loc) {
  if (!loc) return h('span', { class: 'muted' }, 'image configuration');
  return [
    loc.path ? h('code', { class: 'break' }, `${loc.path}${loc.line ? `:${loc.line}` : ''}`) : null,
    loc.layer !== undefined ? h('div', { class: 'muted small' }, `layer ${loc.layer}${loc.layerCreatedBy ? `: ${loc.layerCreatedBy}` : ''}`) : null,
    loc.object ? h('div', { class: 'muted small' }, loc.object) : null,
  ];
}

/** The Hardening section: image checks by severity, and secrets (redacted) with their layer. */
function hardeningNode(hd) {
  if (!hd) return h('p', { class: 'error' }, 'Hardening results are unavailable.');
  if (!hd.configFindings) return h('p', { class: 'muted' }, `No hardening results: ${hd.reason ?? 'the image was not scanned by the server'}.`);
  const checks = [...hd.configFindings].sort((a, b) => CHECK_SEVERITIES.indexOf(a.severity) - CHECK_SEVERITIES.indexOf(b.severity) || a.checkId.localeCompare(b.checkId));
  const counts = CHECK_SEVERITIES.filter((k) => checks.some((c) => c.severity === k)).map((k) => `${checks.filter((c) => c.severity === k).length} ${k.toLowerCase()}`);
  const secrets = hd.secrets ?? [];
  return [
    h('p', { class: 'result-count' }, checks.length ? `${checks.length} check result${checks.length === 1 ? '' : 's'} (${counts.join(', ')})` : 'Every image check passed', `, ${secrets.length} secret${secrets.length === 1 ? '' : 's'}. Scanned `, fmtTime(hd.scannedAt), '.'),
    h('h3', null, 'Image checks'),
    table(
      'Image check results, most severe first',
      ['Severity', 'Check', 'Detail', 'Where'],
      checks.map((c) =>
        h(
          'tr',
          { dataset: { checkId: c.checkId } },
          h('td', null, sevBadge(c.severity)),
          h('td', { class: 'nowrap' }, h('strong', null, c.checkId), h('div', { class: 'small' }, c.title)),
          h('td', { class: 'detail' }, c.message, c.evidence ? h('div', null, h('code', { class: 'small break' }, c.evidence)) : null, c.remediation ? h('div', { class: 'muted small' }, 'Fix: ', c.remediation) : null),
          h('td', { class: 'where' }, checkWhere(c.location)),
        ),
      ),
      { empty: 'No check results.', class: 'checks' },
    ),
    h('h3', null, 'Secrets'),
    table(
      'Secrets found in the image (values redacted)',
      ['Severity', 'Kind', 'Where', 'Redacted match', 'Layer'],
      secrets.map((x) =>
        h(
          'tr',
          { dataset: { ruleId: x.ruleId } },
          h('td', null, sevBadge(x.severity)),
          h('td', null, x.title, x.key ? h('div', { class: 'muted small' }, x.key) : null),
          h('td', null, h('code', { class: 'break' }, `${x.path}:${x.line}`), x.deletedLater ? h('div', { class: 'muted small' }, 'deleted by a later layer (still in the image history)') : null),
          h('td', null, h('code', { class: 'secret' }, x.match)),
          h('td', { class: 'small' }, x.layer !== undefined ? [`#${x.layer}`, x.layerCreatedBy ? h('div', { class: 'muted break' }, x.layerCreatedBy) : null] : '—'),
        ),
      ),
      { empty: 'No secrets found.', class: 'secrets' },
    ),
    hd.warnings?.length ? h('p', { class: 'muted small' }, `Warnings: ${hd.warnings.join('; ')}`) : null,
  ];
}

async function searchPage(params) {
  const q = (params.get('q') ?? '').trim();
  const kind = ['image', 'vuln', 'package'].includes(params.get('kind')) ? params.get('kind') : 'image';
  const input = h('input', { type: 'search', id: 'q', name: 'q', value: q, required: true, autocomplete: 'off', placeholder: 'nginx, CVE-2024-…, openssl' });
  const kinds = [
    ['image', 'Image name'],
    ['vuln', 'Vulnerability ID'],
    ['package', 'Package name'],
  ];
  const form = h(
    'form',
    {
      class: 'search',
      role: 'search',
      onsubmit: (ev) => {
        ev.preventDefault();
        const fd = new FormData(ev.target);
        location.hash = `#/search?${new URLSearchParams({ q: String(fd.get('q') ?? ''), kind: String(fd.get('kind') ?? 'image') })}`;
      },
    },
    h('label', { for: 'q' }, 'Search'),
    input,
    h('fieldset', null, h('legend', { class: 'visually-hidden' }, 'Search for'), kinds.map(([v, label]) => h('label', { class: 'radio' }, h('input', { type: 'radio', name: 'kind', value: v, checked: v === kind }), ` ${label}`))),
    h('button', { type: 'submit' }, 'Search'),
  );
  const out = [heading('Search', 'Images by name, a vulnerability ID across all images, or a package name across all images.'), form];
  if (!q) return out;
  const res = await api(`/api/v1/search?${new URLSearchParams({ q, limit: '200' })}`);
  let result;
  if (kind === 'image') {
    const hits = [...res.images].sort(worstFirst);
    result = table(`Images matching “${q}”`, ['Image', 'Digest', { label: 'Critical', class: 'num' }, { label: 'High', class: 'num' }, { label: 'Medium', class: 'num' }, { label: 'Low', class: 'num' }, { label: 'Other', class: 'num' }], hits.map((i) => h('tr', null, h('td', null, imageLink(i.id, i.ref)), h('td', null, h('code', null, shortDigest(i.digest))), countCells(i.findings))), { showCaption: true, empty: 'No image matches.' });
  } else if (kind === 'vuln') {
    const hits = [...res.vulnerabilities].sort((a, b) => sevRank(a.severity) - sevRank(b.severity) || a.imageRef.localeCompare(b.imageRef));
    const imagesHit = new Set(hits.map((x) => x.imageId)).size;
    result = [
      h('p', { class: 'result-count' }, `${hits.length} finding${hits.length === 1 ? '' : 's'} in ${imagesHit} image${imagesHit === 1 ? '' : 's'}.`),
      table(`Findings matching “${q}”`, ['Image', 'Severity', 'ID', 'Package', 'Installed', 'Fixed in'], hits.map((v) => h('tr', null, h('td', null, imageLink(v.imageId, v.imageRef)), h('td', null, sevBadge(v.severity)), h('td', null, osvLink(v.vulnId), v.vulnId.toLowerCase() !== q.toLowerCase() ? h('div', { class: 'muted small' }, `alias ${q}`) : null), h('td', null, v.package), h('td', null, h('code', null, v.version)), h('td', null, v.fixedVersion ? h('code', null, v.fixedVersion) : h('span', { class: 'muted' }, 'none')))), { showCaption: true, empty: 'No image has this vulnerability (the ID or an alias must match exactly).' }),
    ];
  } else {
    const hits = [...res.packages].sort((a, b) => a.name.localeCompare(b.name) || a.imageRef.localeCompare(b.imageRef));
    const imagesHit = new Set(hits.map((x) => x.imageId)).size;
    result = [
      h('p', { class: 'result-count' }, `${hits.length} package${hits.length === 1 ? '' : 's'} in ${imagesHit} image${imagesHit === 1 ? '' : 's'}.`),
      table(`Packages matching “${q}”`, ['Image', 'Package', 'Version', 'Type', 'Package URL'], hits.map((p) => h('tr', null, h('td', null, imageLink(p.imageId, p.imageRef)), h('td', null, p.name), h('td', null, h('code', null, p.version)), h('td', null, p.type), h('td', { class: 'small break' }, p.purl))), { showCaption: true, empty: 'No image has this package.' }),
    ];
  }
  return [...out, section('Results', 'results-h', result, res.truncated ? h('p', { class: 'muted small' }, 'Only the first 200 results of each kind are shown: refine the search.') : null)];
}

async function eventsPage(params) {
  const type = EVENT_TYPES.includes(params.get('type')) ? params.get('type') : '';
  const imageId = /^\d+$/.test(params.get('image') ?? '') ? params.get('image') : '';
  const limit = ['50', '100', '500', '1000'].includes(params.get('limit')) ? params.get('limit') : '100';
  const query = new URLSearchParams({ limit });
  if (type) query.set('type', type);
  if (imageId) query.set('imageId', imageId);
  const [images, events] = await Promise.all([api('/api/v1/images'), api(`/api/v1/events?${query}`)]);
  images.sort((a, b) => a.ref.localeCompare(b.ref));
  const go = (form) => {
    const fd = new FormData(form);
    const p = new URLSearchParams();
    for (const k of ['type', 'image', 'limit']) if (fd.get(k)) p.set(k, String(fd.get(k)));
    location.hash = `#/events${p.size ? `?${p}` : ''}`;
  };
  const form = h(
    'form',
    { class: 'filters', onsubmit: (ev) => (ev.preventDefault(), go(ev.target)) },
    h('label', { for: 'ev-type' }, 'Type '),
    h('select', { id: 'ev-type', name: 'type' }, h('option', { value: '' }, 'All types'), EVENT_TYPES.map((t) => h('option', { value: t, selected: t === type }, t))),
    h('label', { for: 'ev-image' }, ' Image '),
    h('select', { id: 'ev-image', name: 'image' }, h('option', { value: '' }, 'All images'), images.map((i) => h('option', { value: String(i.id), selected: String(i.id) === imageId }, i.ref))),
    h('label', { for: 'ev-limit' }, ' Show '),
    h('select', { id: 'ev-limit', name: 'limit' }, ['50', '100', '500', '1000'].map((n) => h('option', { value: n, selected: n === limit }, `${n} newest`))),
    ' ',
    h('button', { type: 'submit' }, 'Apply'),
  );
  return [heading('Events', 'Newest first. Webhooks receive the same events.'), form, section(`${events.length} event${events.length === 1 ? '' : 's'}`, 'evlist-h', eventTable('Events', events))];
}

// ---------------------------------------------------------------- login and routing

function showLogin(message) {
  document.getElementById('nav').hidden = true;
  document.getElementById('session').hidden = true;
  const input = h('input', { type: 'password', id: 'token', name: 'token', required: true, autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'token-help' });
  const err = h('p', { class: 'error', id: 'login-error', role: 'alert' }, message ?? '');
  const form = h(
    'form',
    {
      class: 'login card',
      onsubmit: async (ev) => {
        ev.preventDefault();
        const tok = input.value.trim();
        if (!tok) return;
        err.textContent = '';
        try {
          await api('/api/v1/images', tok);
        } catch (e) {
          err.textContent = e.status === 401 ? 'This token was refused (unknown or revoked).' : e.status === 403 ? 'This token may not read images (the viewer role is needed).' : `Could not reach the server: ${e.message}`;
          input.focus();
          return;
        }
        sessionStorage.setItem(TOKEN_KEY, tok);
        input.value = '';
        route(true);
      },
    },
    h('h1', { tabindex: '-1' }, 'Sign in'),
    h('label', { for: 'token' }, 'API token'),
    input,
    h('p', { id: 'token-help', class: 'muted small' }, 'A token with the viewer role is enough (an admin creates one with POST /api/v1/tokens). It is kept in this tab only, until you sign out or close it.'),
    err,
    h('button', { type: 'submit' }, 'Sign in'),
  );
  main.replaceChildren(form);
  setStatus('');
  input.focus();
}

let renderSeq = 0;

/** Renders the page of the current hash; `focus` moves focus to its heading (after navigating, not on load). */
async function route(focus = false) {
  if (!token()) return showLogin();
  document.getElementById('nav').hidden = false;
  document.getElementById('session').hidden = false;
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, qs] = hash.split('?');
  const params = new URLSearchParams(qs ?? '');
  let name = 'overview';
  let render = overviewPage;
  let m;
  if ((m = /^\/images\/(\d+)$/.exec(path))) {
    name = 'image';
    render = () => imagePage(Number(m[1]));
  } else if (path === '/search') {
    name = 'search';
    render = () => searchPage(params);
  } else if (path === '/events') {
    name = 'events';
    render = () => eventsPage(params);
  }
  for (const a of document.querySelectorAll('#nav a')) {
    if (a.dataset.route === name) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  const seq = ++renderSeq;
  setStatus('Loading…', 'busy');
  main.setAttribute('aria-busy', 'true');
  try {
    const content = await render();
    if (seq !== renderSeq) return;
    main.replaceChildren(...[content].flat());
    const h1 = main.querySelector('h1');
    document.title = `${h1?.textContent ?? 'Bulwark'} · Bulwark dashboard`;
    setStatus(`Updated ${new Date().toLocaleTimeString()}`);
    if (focus) h1?.focus({ preventScroll: true });
  } catch (err) {
    if (seq !== renderSeq || !token()) return;
    main.replaceChildren(heading('Something went wrong'), h('p', { class: 'error', role: 'alert' }, err.status === 404 ? 'Not found: it may have been deleted.' : err.status === 403 ? `Not allowed: ${err.message}` : err.message));
    setStatus('');
  } finally {
    main.removeAttribute('aria-busy');
  }
}

document.getElementById('signout').addEventListener('click', () => {
  sessionStorage.removeItem(TOKEN_KEY);
  location.hash = '#/';
  showLogin('Signed out.');
});
document.getElementById('refresh').addEventListener('click', () => route());
window.addEventListener('hashchange', () => route(true));
route();
