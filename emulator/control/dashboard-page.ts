// The emulator dashboard served at /_emulator/ui: one self-contained page (inline CSS and JS, no
// build step, no CDN, no web font) that polls the control API and updates its tables in place,
// so scroll positions and half-filled forms survive every refresh. Data reaches the DOM as text
// nodes only: instance names and fault codes are user input.

import { INSTANCE_TONES, LIFE_CONTROLS } from './instance-tones';

export interface DashboardPageInput {
  /** CSP nonce of the inline style and script. */
  nonce: string;
  /** Upstream Action names a call fault may target. */
  actions: readonly string[];
  /** Upstream error codes, offered as suggestions for a fault's Code. */
  errorCodes: readonly string[];
  /** The colour (tone) of every instance status; default INSTANCE_TONES. */
  instanceTones?: Readonly<Record<string, string>>;
  /** Billing-life controls (path verb) and the statuses each may be used from; default LIFE_CONTROLS. */
  lifeControls?: Readonly<Record<string, readonly string[]>>;
}

/** JSON safe inside a <script> element (no `</script>` or `<!--` can close or change it). */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

export function dashboardPage({ nonce, actions, errorCodes, instanceTones = INSTANCE_TONES, lifeControls = LIFE_CONTROLS }: DashboardPageInput): string {
  return /* html */ `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>ECS emulator — dashboard</title>
<style nonce="${nonce}">
  :root {
    --fg:#1d2330; --muted:#5f6b7d; --line:#dfe4eb; --soft:#eef1f5; --bg:#f3f5f8; --panel:#fff; --head:#172033; --accent:#1b5fb4;
    --ok:#17704a; --ok-bg:#e2f3ea; --busy:#8a5700; --busy-bg:#fdefd2; --off:#5b6475; --off-bg:#eceff3; --bad:#b42318; --bad-bg:#fde6e3;
    --mono: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace;
  }
  * { box-sizing:border-box; }
  html, body { margin:0; }
  body { font:13px/1.45 system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; color:var(--fg); background:var(--bg); }
  .mono, code, input, select { font-family:var(--mono); font-size:12px; }
  .muted { color:var(--muted); }
  .small { font-size:11px; }
  .nowrap { white-space:nowrap; }
  [hidden] { display:none !important; }

  header { position:sticky; top:0; z-index:10; display:flex; flex-wrap:wrap; align-items:center; gap:8px 16px; padding:8px 16px; background:var(--head); color:#e8edf5; }
  header h1 { margin:0; font-size:15px; font-weight:650; letter-spacing:.01em; white-space:nowrap; }
  header h1 span { font-weight:400; color:#9aa8bd; }
  header .group { display:flex; align-items:center; gap:8px; }
  /* Narrow windows wrap the header's groups onto a second line, never squeeze their words. */
  header button, header #session, .clock b, .clock span { white-space:nowrap; }
  header label { color:#9aa8bd; font-size:12px; }
  header #customer { color:#cfd8e6; }
  header select, header input { background:#243049; color:#fff; border:1px solid #3a4866; border-radius:4px; padding:3px 6px; }
  header input { width:76px; }
  .clock { display:flex; flex-direction:column; line-height:1.2; }
  .clock b { font:600 14px var(--mono); color:#fff; }
  .clock span { font:11px var(--mono); color:#9aa8bd; }
  .mode { font:600 10px var(--mono); text-transform:uppercase; letter-spacing:.06em; padding:2px 6px; border-radius:3px; background:#33415c; color:#cfd8e6; }
  .mode.manual { background:#5c4413; color:#ffd98a; }
  .spacer { flex:1; }
  .live { display:flex; align-items:center; gap:6px; font-size:12px; color:#9aa8bd; white-space:nowrap; }
  .live::before { content:""; width:8px; height:8px; border-radius:50%; background:#3ccf82; }
  .live.down { color:#ffb4a8; }
  .live.down::before { background:#f0604d; }

  button { font:inherit; font-size:12px; border-radius:4px; padding:4px 10px; cursor:pointer; border:1px solid var(--accent); background:var(--accent); color:#fff; }
  button:hover { filter:brightness(1.08); }
  button.ghost { background:transparent; color:inherit; border-color:#4a5a7a; }
  button.danger { background:transparent; color:#ffb4a8; border-color:#8c3b31; }
  button.plain { background:#fff; color:var(--fg); border-color:var(--line); }
  button.x { background:transparent; border:0; color:var(--muted); padding:0 4px; font-size:15px; line-height:1; }
  button.x:hover { color:var(--bad); }

  main { display:grid; grid-template-columns:minmax(0,1fr) 372px; grid-template-areas:"inst inst" "disks images" "disks snaps" "events faults" "journal faults"; grid-template-rows:auto auto auto auto 1fr; gap:12px; padding:12px 16px 16px; align-items:start; }
  #instances { grid-area:inst; } #events { grid-area:events; } #faults { grid-area:faults; } #journal { grid-area:journal; }
  #disks { grid-area:disks; } #images { grid-area:images; } #snapshots { grid-area:snaps; }
  #disks .scroll { max-height:300px; } #images .scroll, #snapshots .scroll { max-height:150px; }
  #images td, #images th, #snapshots td, #snapshots th { padding-left:8px; padding-right:8px; }
  .panel { background:var(--panel); border:1px solid var(--line); border-radius:6px; min-width:0; overflow:hidden; }
  .panel > h2 { display:flex; align-items:baseline; gap:10px; margin:0; padding:7px 12px; font-size:13px; font-weight:650; border-bottom:1px solid var(--line); background:#fafbfc; }
  .panel > h2 .muted { font-weight:400; font-size:12px; }
  .scroll { overflow:auto; }
  #instances .scroll { max-height:372px; } #events .scroll { max-height:262px; } #journal .scroll { max-height:330px; }
  #faults .scroll { max-height:230px; }
  #faults td, #faults th { padding-left:8px; padding-right:8px; }

  table { border-collapse:separate; border-spacing:0; width:100%; }
  th { position:sticky; top:0; z-index:1; background:#f6f8fa; color:var(--muted); font-size:11px; font-weight:600; text-transform:uppercase; letter-spacing:.04em; text-align:left; padding:5px 10px; border-bottom:1px solid var(--line); white-space:nowrap; }
  td { padding:5px 10px; border-bottom:1px solid var(--soft); vertical-align:top; }
  tbody tr:hover td { background:#f8fafc; }
  td.num, th.num { text-align:right; }
  .empty td { color:var(--muted); text-align:center; padding:14px; }
  .id { font-family:var(--mono); font-size:12px; font-weight:600; }
  .ellipsis { display:inline-block; max-width:112px; overflow:hidden; text-overflow:ellipsis; white-space:nowrap; vertical-align:bottom; }

  .st { display:inline-flex; align-items:center; gap:5px; padding:1px 8px 1px 7px; border-radius:10px; font:600 11.5px var(--mono); white-space:nowrap; }
  .st::before { content:""; flex:none; width:7px; height:7px; border-radius:50%; background:currentColor; }
  .st i { font:normal 500 11.5px system-ui, "Noto Sans CJK SC", sans-serif; opacity:.85; }
  .st.ok { color:var(--ok); background:var(--ok-bg); }
  .st.busy { color:var(--busy); background:var(--busy-bg); }
  .st.busy::before { animation:pulse 1.3s ease-in-out infinite; }
  .st.off { color:var(--off); background:var(--off-bg); }
  .st.bad { color:var(--bad); background:var(--bad-bg); }
  .st.held { color:#6b3fa0; background:#efe6fa; }
  .st.gone { color:#e8edf5; background:#4a5568; }
  #instances .bar { display:flex; flex-wrap:wrap; align-items:center; gap:8px 14px; padding:6px 12px; border-bottom:1px solid var(--line); background:#fcfcfd; }
  #instances .bar form { display:flex; align-items:center; gap:6px; padding:0; border:0; }
  #instances .bar input { width:96px; padding:3px 6px; border:1px solid var(--line); border-radius:4px; }
  #instances .life { display:flex; gap:4px; }
  #instances .life button { padding:1px 7px; font-size:11px; white-space:nowrap; }
  #instances h3 { margin:0; padding:6px 12px; font-size:12px; font-weight:650; border-top:1px solid var(--line); background:#fafbfc; }
  .tag.arrears { background:#efe6fa; color:#6b3fa0; }
  .st.sm { padding:0 6px 0 5px; font-size:10.5px; }
  .st.sm::before { width:6px; height:6px; }
  @keyframes pulse { 0%, 100% { opacity:1; } 50% { opacity:.2; } }
  @media (prefers-reduced-motion: reduce) { .st.busy::before { animation:none; } }

  .tag { display:inline-block; font:600 10px var(--mono); padding:0 5px; border-radius:3px; background:var(--soft); color:var(--muted); text-transform:uppercase; letter-spacing:.04em; }
  .tag.warn { background:var(--bad-bg); color:var(--bad); }
  .tag.after { background:var(--busy-bg); color:var(--busy); }
  .disk { display:flex; align-items:center; gap:6px; white-space:nowrap; line-height:1.7; }
  .task { display:flex; align-items:center; gap:6px; white-space:nowrap; line-height:1.7; }
  .http2 { color:var(--ok); } .http4 { color:var(--busy); } .http5, .http0 { color:var(--bad); }
  .fid { display:inline-block; font:600 11px var(--mono); padding:0 5px; border-radius:3px; background:var(--bad-bg); color:var(--bad); }

  .panel form { padding:10px 12px; border-top:1px solid var(--line); }
  .panel form h3 { margin:0 0 8px; font-size:12px; font-weight:650; }
  .fields { display:grid; grid-template-columns:1fr 1fr; gap:6px 10px; }
  .fields label { display:flex; flex-direction:column; gap:2px; font-size:11px; color:var(--muted); }
  .fields label.wide { grid-column:1 / -1; }
  .fields label.check { flex-direction:row; align-items:center; gap:6px; font-size:12px; color:var(--fg); }
  .fields input[type=number], .fields input[type=text], .fields select { width:100%; padding:4px 6px; border:1px solid var(--line); border-radius:4px; background:#fff; color:var(--fg); }
  .actions { display:flex; justify-content:space-between; align-items:center; gap:8px; margin-top:8px; }
  .actions button { flex:none; white-space:nowrap; }
  .row { display:flex; gap:8px; align-items:center; }
  .row select { flex:1; min-width:0; padding:4px 6px; border:1px solid var(--line); border-radius:4px; background:#fff; }
  #message:empty { display:none; }
  #message { padding:6px 12px; border-top:1px solid var(--line); font-size:12px; }
  #message.error { color:var(--bad); background:var(--bad-bg); }
  #message.ok { color:var(--ok); }
</style>
</head>
<body>
<header>
  <h1>ECS emulator <span>dashboard</span></h1>
  <div class="group" id="account-group">
    <label for="account">Account</label>
    <select id="account" aria-label="Account"></select>
    <span id="customer" class="mono small muted"></span>
  </div>
  <div class="group">
    <span id="clock-mode" class="mode" title="Clock mode">—</span>
    <div class="clock"><b id="clock-china" title="Emulator time, China time (UTC+8)">—</b><span id="clock-utc">—</span></div>
  </div>
  <form class="group" id="advance-form" autocomplete="off">
    <label for="advance-seconds">Advance</label>
    <input id="advance-seconds" type="number" min="0" step="1" value="60" aria-label="Seconds to advance"> <label for="advance-seconds">s</label>
    <button type="submit" class="ghost">Advance clock</button>
  </form>
  <div class="spacer"></div>
  <span class="muted" id="session" title="The session (access key id) snapshots are taken of">session …</span>
  <form class="group" id="snapshot-form" autocomplete="off">
    <input id="snapshot-name" type="text" placeholder="snapshot name" aria-label="Snapshot name" required>
    <button type="submit" class="ghost">Save snapshot</button>
    <select id="snapshot-list" aria-label="Saved snapshots"></select>
    <button type="button" id="snapshot-restore" class="ghost">Restore</button>
  </form>
  <span id="live" class="live">connecting…</span>
  <button type="button" id="reset" class="danger" title="Default seed; clears faults and journal">Reset to seed</button>
</header>

<main>
  <section class="panel" id="instances">
    <h2>Instances <span class="muted" id="instances-summary"></span></h2>
    <div class="bar">
      <span id="billing-summary" title="The account's first billing subject pays on-demand servers while they run (emulator clock)">—</span>
      <form id="billing-form" autocomplete="off">
        <label class="muted small" for="billing-amount">¥</label><input type="number" id="billing-amount" min="0" step="0.01" value="100" aria-label="Amount (yuan)">
        <button type="submit" class="plain">Set balance</button><button type="button" class="plain" id="billing-recharge">Recharge</button><button type="button" class="plain" id="billing-run-out">Run out</button>
      </form>
    </div>
    <div class="scroll"><table>
      <thead><tr><th>Status</th><th>Instance</th><th>Spec</th><th>Zone</th><th>Billing</th><th>Disks</th><th>Billing life</th><th>Fault</th></tr></thead>
      <tbody id="instance-rows"></tbody>
      <tbody><tr class="empty" id="instances-empty" hidden><td colspan="8">No instances in this account.</td></tr></tbody>
    </table></div>
    <h3>Recycle bin <span class="muted" id="recycle-summary"></span></h3>
    <div class="scroll"><table>
      <thead><tr><th>Status</th><th>Instance</th><th>Returns to</th><th>Zone</th><th>Billing life</th></tr></thead>
      <tbody id="recycle-rows"></tbody>
      <tbody><tr class="empty" id="recycle-empty" hidden><td colspan="5">Empty: a deleted server lands here; it can be recovered until its retention ends.</td></tr></tbody>
    </table></div>
  </section>

  <section class="panel" id="disks">
      <h2>Cloud disks <span class="muted" id="disks-summary"></span></h2>
      <div class="scroll"><table>
        <thead><tr><th>Status</th><th>Disk</th><th class="num">Size</th><th>Zone</th><th>Attached to</th></tr></thead>
        <tbody id="disk-rows"></tbody>
        <tbody><tr class="empty" id="disks-empty" hidden><td colspan="5">No cloud disks in this account.</td></tr></tbody>
      </table></div>
    </section>
    <section class="panel" id="images">
      <h2>Private images <span class="muted" id="images-summary"></span></h2>
      <div class="scroll"><table>
        <thead><tr><th>Status</th><th>Image</th></tr></thead>
        <tbody id="image-rows"></tbody>
        <tbody><tr class="empty" id="images-empty" hidden><td colspan="2">No private images: CreateImage makes one.</td></tr></tbody>
      </table></div>
    </section>
    <section class="panel" id="snapshots">
      <h2>Disk snapshots <span class="muted" id="snapshots-summary"></span></h2>
      <div class="scroll"><table>
        <thead><tr><th>Status</th><th>Snapshot · disk</th></tr></thead>
        <tbody id="snapshot-rows"></tbody>
        <tbody><tr class="empty" id="snapshots-empty" hidden><td colspan="2">No disk snapshots.</td></tr></tbody>
      </table></div>
    </section>

  <section class="panel" id="events">
    <h2>Recent events <span class="muted" id="events-summary"></span></h2>
    <div class="scroll"><table>
      <thead><tr><th>Created</th><th>Event</th><th>Status</th><th>Tasks</th><th>EventId</th></tr></thead>
      <tbody id="event-rows"></tbody>
      <tbody><tr class="empty" id="events-empty" hidden><td colspan="5">No events yet: operate an instance through the API.</td></tr></tbody>
    </table></div>
  </section>

  <section class="panel" id="faults">
    <h2>Faults <span class="muted" id="faults-summary"></span><span class="spacer"></span><button type="button" class="plain" id="clear-faults">Clear all</button></h2>
    <div class="scroll"><table>
      <thead><tr><th class="num">Id</th><th>Match → effect</th><th class="num" title="Hits left before the fault disappears">Left</th><th></th></tr></thead>
      <tbody id="fault-rows"></tbody>
      <tbody id="instance-fault-rows"></tbody>
      <tbody><tr class="empty" id="faults-empty" hidden><td colspan="4">No active faults: every call is answered normally.</td></tr></tbody>
    </table></div>
    <form id="call-fault-form" autocomplete="off">
      <h3>Add a call fault</h3>
      <div class="fields">
        <label class="wide">Action<select name="Action" id="fault-action"><option value="">any action</option></select></label>
        <label class="wide">Instance<select name="EcsId" id="fault-call-instance" title="Only calls whose request names this instance (EcsId, EcsIds, or the DiskId of one of its disks)"></select></label>
        <label>Phase<select name="Phase" id="fault-phase"><option value="before">before the action</option><option value="after">after the action</option></select></label>
        <label>Status<input type="number" name="Status" min="400" max="599" placeholder="e.g. 503"></label>
        <label>Code<input type="text" name="Code" list="error-codes" placeholder="e.g. ServiceUnavailable"></label>
        <label>DelayMs<input type="number" name="DelayMs" min="0" max="600000" step="100" placeholder="0"></label>
        <label>Times<input type="number" name="Times" min="1" step="1" placeholder="until removed" title="The gateway retries a GET twice: Times 3 to reach its client"></label>
        <label>Probability<input type="number" name="Probability" min="0" max="1" step="0.05" placeholder="1"></label>
        <label class="check"><input type="checkbox" name="Hang"> Hang (no answer)</label>
        <label class="check"><input type="checkbox" name="Malformed"> Malformed JSON</label>
      </div>
      <p class="muted small" id="retry-hint">Through the gateway: it retries an upstream GET twice (on 502/503/504 and network errors), so a Status fault on such an action reaches its client only with <b>Times: 3</b> or more (or no Times). POSTs are never retried.</p>
      <div class="actions"><span class="muted small" id="phase-hint"></span><button type="submit">Add fault</button></div>
    </form>
    <form id="instance-fault-form" autocomplete="off">
      <h3>Fail an instance's next transition</h3>
      <div class="row"><select name="EcsId" id="fault-instance" aria-label="Instance"></select><button type="submit">Add</button></div>
    </form>
    <div id="message" role="status"></div>
  </section>

  <section class="panel" id="journal">
    <h2>Journal <span class="muted" id="journal-summary"></span></h2>
    <div class="scroll"><table>
      <thead><tr><th class="num">#</th><th>Time (China)</th><th>Action</th><th>Account</th><th class="num">Status</th><th>Code</th><th>Fault</th><th>Call</th></tr></thead>
      <tbody id="journal-rows"></tbody>
      <tbody><tr class="empty" id="journal-empty" hidden><td colspan="8">No calls received yet.</td></tr></tbody>
    </table></div>
  </section>
</main>
<datalist id="error-codes"></datalist>

<script nonce="${nonce}">
(() => {
  const ACTIONS = ${scriptJson(actions)};
  const ERROR_CODES = ${scriptJson(errorCodes)};
  const INSTANCE_TONES = ${scriptJson(instanceTones)};
  const LIFE_CONTROLS = ${scriptJson(lifeControls)};
  const LIFE_LABEL = { recycle: 'Recycle', 'cancel-recycle': 'Cancel', recover: 'Recover', destroy: 'Destroy' };
  const POLL_MS = 1000;
  const JOURNAL_TAIL = 100;
  const EVENTS_SHOWN = 50;
  // The control API lives beside this page: /_emulator/ui → /_emulator/state, …
  const base = location.pathname.replace(/\\/ui\\/?$/, '');
  const $ = (id) => document.getElementById(id);

  /** An element with text children only (never HTML). */
  const h = (tag, cls, ...kids) => {
    const el = document.createElement(tag);
    if (cls) el.className = cls;
    for (const kid of kids.flat()) if (kid !== null && kid !== undefined && kid !== false) el.append(kid.nodeType ? kid : String(kid));
    return el;
  };
  const titled = (el, title) => ((el.title = title), el);

  // Instance, disk, image, snapshot, event and task statuses; any other (shutdown, waiting = detached) is neutral.
  const TONE = {
    running: 'ok', success: 'ok', available: 'ok',
    building: 'busy', restarting: 'busy', shutting_down: 'busy', starting_up: 'busy', deleting: 'busy', destroying: 'busy',
    recovering: 'busy', updating: 'busy', doing: 'busy', mounting: 'busy', unmounting: 'busy', creating_snapshot: 'busy', rollback: 'busy',
    creating: 'busy', disk_creating: 'busy', disk_rollback: 'busy',
    error: 'bad', failed: 'bad', build_fail: 'bad', create_fail: 'bad',
  };
  const pill = (code, display, small) => h('span', 'st ' + (TONE[code] || 'off') + (small ? ' sm' : ''), code, display ? [' ', h('i', '', display)] : []);
  const statusPill = (code, display) => h('span', 'st ' + (INSTANCE_TONES[code] || 'off'), code, display ? [' ', h('i', '', display)] : []);
  /** The billing-life controls the instance's status allows, as buttons the document's click handler runs. */
  const lifeButtons = (i) => {
    const verbs = Object.keys(LIFE_CONTROLS).filter((v) => LIFE_CONTROLS[v].includes(i.Status));
    if (!verbs.length) return h('span', 'muted', '—');
    return h('span', 'life', verbs.map((v) => {
      const b = titled(h('button', 'plain', LIFE_LABEL[v]), 'POST /_emulator/instances/' + i.EcsId + '/' + v);
      b.type = 'button';
      b.dataset.life = v;
      b.dataset.ecsId = i.EcsId;
      return b;
    }));
  };
  /** A × button; the document's click handler acts on its data-* attribute. */
  const removeButton = (data, value, title) => {
    const b = titled(h('button', 'x', '×'), title);
    b.type = 'button';
    b.dataset[data] = value;
    b.setAttribute('aria-label', title);
    return b;
  };
  const clockTime = (t) => (t ? t.slice(11) : '');

  /**
   * Brings tbody's rows in line with items, keyed; a row is rebuilt only when its data changed,
   * so unchanged rows (and the scroll position around them) stay as they are.
   */
  function sync(tbody, items, key, build) {
    const old = new Map([...tbody.children].map((tr) => [tr.dataset.key, tr]));
    let prev = null;
    for (const item of items) {
      const k = key(item);
      const sig = JSON.stringify(item);
      let tr = old.get(k);
      old.delete(k);
      if (!tr || tr.dataset.sig !== sig) {
        const fresh = build(item);
        fresh.dataset.key = k;
        fresh.dataset.sig = sig;
        if (tr) tr.replaceWith(fresh);
        tr = fresh;
      }
      const want = prev ? prev.nextSibling : tbody.firstChild;
      if (want !== tr) tbody.insertBefore(tr, want);
      prev = tr;
    }
    for (const tr of old.values()) tr.remove();
  }

  /** Keeps a select's options equal to the given [value, label] list without losing the choice. */
  function syncOptions(select, options, keep) {
    const sig = JSON.stringify(options);
    if (select.dataset.sig === sig) return;
    const chosen = select.value;
    select.replaceChildren(...options.map(([value, label]) => {
      const o = h('option', '', label);
      o.value = value;
      return o;
    }));
    select.dataset.sig = sig;
    if (keep && options.some(([v]) => v === chosen)) select.value = chosen;
  }

  for (const a of ACTIONS) $('fault-action').append(Object.assign(h('option', '', a), { value: a }));
  for (const c of ERROR_CODES) $('error-codes').append(Object.assign(h('option'), { value: c }));

  // ---- rendering ----

  function instanceRow(i) {
    const disks = [['sys', i.Disk.SystemDiskConf.DiskId, i.Disk.SystemDiskConf], ...i.Disk.DataDiskConf.map((d) => ['data', d.Id, d])];
    const rule = i.EcsRule;
    const spec = rule.CpuNum + ' vCPU · ' + rule.Ram + ' GiB' + (rule.Gpu ? ' · ' + rule.Gpu + ' GPU' : '');
    const fault = i.FailNextTransition
      ? h('span', 'nowrap', titled(h('span', 'tag warn', 'fails'), 'Its next transition ends failed and the instance goes to error'), ' ', removeButton('removeInstanceFault', i.EcsId, 'Remove this instance fault'))
      : h('span', 'muted', '—');
    return h('tr', '',
      h('td', '', statusPill(i.Status, i.StatusDisplay)),
      h('td', 'nowrap', h('div', 'id', i.EcsId), h('div', 'muted', i.EcsName)),
      h('td', 'nowrap', h('div', 'mono', spec), h('div', 'muted small', rule.Name, i.RealCardName ? ' · ' + i.RealCardName : '')),
      h('td', 'nowrap', h('div', 'mono', i.AvailableZoneCode), h('div', 'muted small', i.RegionName + ' · ' + i.AzName)),
      titled(h('td', 'nowrap', h('div', '', i.BillingInfo.BillingMethodName), i.NoChargeForShutdown ? h('div', '', h('span', 'tag', '关机不计费')) : null), 'BillingMethod ' + i.BillingInfo.BillingMethod),
      h('td', '', disks.map(([kind, id, d]) => h('div', 'disk',
        h('span', 'tag', kind), h('span', 'mono', id), h('span', 'muted', d.DiskFeature + ' · ' + d.Size + ' GB'), pill(i.DiskStatus[id] || 'running', '', true)))),
      h('td', '', lifeButtons(i)),
      h('td', '', fault),
    );
  }

  function diskRow(d) {
    return h('tr', '',
      h('td', '', pill(d.Status, d.StatusDisplay)),
      h('td', 'nowrap', h('div', 'id', d.DiskId), h('div', 'muted small', h('span', 'tag', d.Property), ' ', d.DiskName)),
      h('td', 'num mono nowrap', d.Size + ' GB'),
      h('td', 'mono', d.AvailableZoneCode),
      h('td', 'mono', d.EcsId || titled(h('span', 'muted', 'detached'), 'Not attached to any instance')),
    );
  }

  function imageRow(i) {
    return h('tr', '',
      h('td', '', pill(i.Status, '')),
      h('td', 'nowrap', h('div', 'id', i.ImageId), h('div', 'muted small', i.ImageName + ' · ' + i.OsType + ' ' + i.OsVersion), h('div', 'mono small muted', i.AvailableZoneCode)),
    );
  }

  function snapshotRow(s) {
    return h('tr', '',
      h('td', '', pill(s.Status, '')),
      titled(h('td', 'nowrap', h('div', 'id', s.SnapshotId), h('div', 'muted small', s.SnapshotName + ' · kept ' + (s.ReservedTime === 'Forever' ? 'forever' : s.ReservedTime + ' d')),
        h('div', 'mono small', 'of ', s.DiskId, h('span', 'muted', ' · ' + s.AvailableZoneCode))), 'Chain ' + s.ChainId),
    );
  }

  function recycleRow(i) {
    return h('tr', '',
      h('td', '', statusPill(i.Status, i.StatusDisplay)),
      h('td', 'nowrap', h('div', 'id', i.EcsId), h('div', 'muted', i.EcsName)),
      h('td', 'mono', i.PriorStatus || '—'),
      h('td', 'mono nowrap', i.AvailableZoneCode),
      h('td', '', lifeButtons(i)),
    );
  }

  function renderBilling(account) {
    const bin = account ? account.RecycleBin : [];
    sync($('recycle-rows'), bin, (i) => i.EcsId, recycleRow);
    $('recycle-empty').hidden = bin.length > 0;
    $('recycle-summary').textContent = bin.length ? bin.length + ' · deleted, destroying or destroyed' : '';
    const b = account && account.Billing;
    const money = (n) => '¥' + n.toFixed(2);
    const arrears = b && b.InArrears ? titled(h('span', 'tag arrears', 'in arrears'), 'On-demand servers are recycled until a recharge') : null;
    $('billing-summary').replaceChildren(!b ? '—' : b.Balance === null ? h('span', 'muted', 'no billing subject: nothing is charged')
      : h('span', '', h('b', 'mono', money(b.Balance)), ' ', h('span', 'muted', b.Subject + ' · ' + money(b.HourlyCharge) + '/h'), arrears ? ' ' : null, arrears));
  }

  function eventRow(e) {
    return h('tr', '',
      titled(h('td', 'mono nowrap', clockTime(e.CreateTime)), e.CreateTime),
      h('td', 'nowrap', h('div', '', e.EventTypeDisplay), h('div', 'mono small muted', e.EventType + (e.Service === 'ebs' ? ' · ebs' : ''))),
      h('td', '', pill(e.EventStatus, e.EventStatusDisplay)),
      h('td', '', e.TaskList.map((t) => titled(h('div', 'task',
        pill(t.Status, t.StatusDisplay, true), h('span', 'mono', t.ResourceId),
        h('span', 'muted small mono', clockTime(t.CreateTime) + ' → ' + (t.EndTime ? clockTime(t.EndTime) : '…'))),
        t.ResourceDisplay + ' · ' + t.TaskTypeDisplay + ' (' + t.TaskType + ') · TaskId ' + t.TaskId + ' · updated ' + t.UpdateTime))),
      h('td', 'mono small', titled(h('span', 'ellipsis', e.EventId), e.EventId)),
    );
  }

  function effectOf(f) {
    const parts = [];
    if (f.Hang) parts.push('hang');
    else if (f.Malformed) parts.push('malformed JSON');
    else if (f.Status !== undefined || f.Code !== undefined) parts.push([f.Status, f.Code].filter((x) => x !== undefined).join(' '));
    if (f.DelayMs) parts.push('+' + f.DelayMs + ' ms');
    if (f.Probability !== undefined) parts.push('p=' + f.Probability);
    return parts.join(' · ');
  }

  /** When a call fault strikes: before the action (nothing changes) or after it (applied, answer lost). */
  const PHASE_HINT = {
    before: 'Before: the call fails, nothing changes.',
    after: 'After: the action runs (event, transition), then the answer is lost.',
  };
  const phaseTag = (phase) => titled(h('span', 'tag' + (phase === 'after' ? ' after' : ''), phase || 'before'), PHASE_HINT[phase || 'before']);

  function faultRow(f) {
    const remove = removeButton('removeFault', f.FaultId, 'Remove fault ' + f.FaultId);
    return h('tr', '',
      h('td', 'num', h('span', 'fid', '#' + f.FaultId)),
      h('td', '',
        h('div', 'mono', phaseTag(f.Phase), ' ', f.Action || h('span', 'muted', 'any action')),
        f.EcsId ? titled(h('div', 'mono small', 'on ', f.EcsId), 'Only calls naming this instance') : null,
        h('div', 'mono small muted', effectOf(f))),
      titled(h('td', 'num mono nowrap', f.Times !== undefined ? String(f.Times - f.Hits) : '∞'), f.Hits + ' hit(s) so far'),
      h('td', 'num', remove),
    );
  }

  function instanceFaultRow(f) {
    const remove = removeButton('removeInstanceFault', f.EcsId, 'Remove this instance fault');
    return h('tr', '',
      h('td', 'num', h('span', 'tag warn', 'inst')),
      h('td', '', h('div', 'mono', f.EcsId), h('div', 'mono small muted', 'next transition fails' + (f.AccessKeyId ? ' · ' + f.AccessKeyId : ''))),
      h('td', 'num mono', '1'),
      h('td', 'num', remove),
    );
  }

  function journalRow(j) {
    return h('tr', '',
      h('td', 'num mono muted', j.Seq),
      titled(h('td', 'mono nowrap', clockTime(j.Time)), j.Time),
      h('td', 'mono', j.Action || h('span', 'muted', '—')),
      h('td', 'mono', j.AccessKeyId || h('span', 'muted', '—')),
      h('td', 'num mono http' + String(j.Status).charAt(0), j.Status === 0 ? 'none' : j.Status),
      h('td', 'mono', j.Code),
      h('td', 'nowrap', j.FaultId !== undefined ? titled(h('span', 'fid', '#' + j.FaultId), j.EcsId ? 'Per-instance fault of ' + j.EcsId : 'Call fault') : '',
        j.Applied ? [' ', titled(h('span', 'tag after', 'applied'), 'The action ran; the caller got the fault')] : null),
      h('td', 'mono small muted nowrap', j.Method + ' ' + j.Path + (j.Transport === 'http' ? '' : ' · ' + j.Transport)),
    );
  }

  const countBy = (items, f) => items.reduce((m, x) => ((m[f(x)] = (m[f(x)] || 0) + 1), m), {});

  function render(state, journal) {
    const accounts = state.Accounts;
    const stored = sessionStorage.getItem('emulatorAccount');
    syncOptions($('account'), accounts.map((a) => [a.AccessKeyId, a.AccessKeyId]), true);
    if (stored && accounts.some((a) => a.AccessKeyId === stored) && $('account').dataset.picked !== '1') $('account').value = stored;
    $('account').hidden = accounts.length < 2;
    const account = accounts.find((a) => a.AccessKeyId === $('account').value) || accounts[0];
    $('customer').textContent = account ? (accounts.length < 2 ? account.AccessKeyId + ' · ' : '') + account.CustomerId : '';

    $('clock-mode').textContent = state.Clock.Mode;
    $('clock-mode').className = 'mode ' + state.Clock.Mode;
    $('clock-china').textContent = state.Clock.ChinaTime;
    $('clock-utc').textContent = 'UTC ' + state.Clock.Now.replace('T', ' ').replace(/\\.\\d+Z$/, 'Z');

    const instances = account ? account.Instances : [];
    sync($('instance-rows'), instances, (i) => i.EcsId, instanceRow);
    $('instances-empty').hidden = instances.length > 0;
    const byStatus = countBy(instances, (i) => i.Status);
    $('instances-summary').textContent = instances.length + ' · ' + Object.entries(byStatus).map(([s, n]) => n + ' ' + s).join(', ');
    renderBilling(account);

    const disks = account ? account.Disks : [];
    sync($('disk-rows'), disks, (d) => d.DiskId, diskRow);
    $('disks-empty').hidden = disks.length > 0;
    $('disks-summary').textContent = disks.length + ' · ' + disks.filter((d) => d.EcsId).length + ' attached';
    const images = account ? account.Images : [];
    sync($('image-rows'), images, (i) => i.ImageId, imageRow);
    $('images-empty').hidden = images.length > 0;
    $('images-summary').textContent = String(images.length);
    const snapshots = account ? account.DiskSnapshots : [];
    sync($('snapshot-rows'), snapshots, (x) => x.SnapshotId, snapshotRow);
    $('snapshots-empty').hidden = snapshots.length > 0;
    $('snapshots-summary').textContent = String(snapshots.length);

    const events = account ? account.Events.slice(-EVENTS_SHOWN).reverse() : [];
    sync($('event-rows'), events, (e) => e.EventId, eventRow);
    $('events-empty').hidden = events.length > 0;
    const doing = events.filter((e) => e.EventStatus === 'doing').length;
    $('events-summary').textContent = account ? account.Events.length + ' in this account' + (doing ? ' · ' + doing + ' running' : '') : '';

    sync($('fault-rows'), state.Faults, (f) => String(f.FaultId), faultRow);
    sync($('instance-fault-rows'), state.InstanceFaults, (f) => f.EcsId, instanceFaultRow);
    const nFaults = state.Faults.length + state.InstanceFaults.length;
    $('faults-empty').hidden = nFaults > 0;
    $('faults-summary').textContent = nFaults ? nFaults + ' active (all accounts)' : 'none';
    syncOptions($('fault-instance'), instances.map((i) => [i.EcsId, i.EcsId + ' · ' + i.EcsName + ' (' + i.Status + ')']), true);
    syncOptions($('fault-call-instance'), [['', 'any instance'], ...instances.map((i) => [i.EcsId, i.EcsId + ' · ' + i.EcsName])], true);

    const entries = journal.Entries.slice().reverse();
    sync($('journal-rows'), entries, (j) => String(j.Seq), journalRow);
    $('journal-empty').hidden = entries.length > 0;
    $('journal-summary').textContent = 'newest first · last ' + JOURNAL_TAIL + ' calls, all accounts';
  }

  function renderSnapshots(state, snapshots) {
    const session = state.Accounts.length ? state.Accounts[0].AccessKeyId : '';
    $('session').textContent = 'session ' + session;
    const list = $('snapshot-list');
    const names = snapshots.Snapshots.map((s) => s.Name);
    const shown = Array.from(list.options, (o) => o.value);
    if (names.join('|') === shown.join('|')) return;
    const keep = list.value;
    list.replaceChildren(...snapshots.Snapshots.map((s) => {
      const o = document.createElement('option');
      o.value = s.Name;
      o.textContent = s.Name + ' · ' + s.SavedAt;
      return o;
    }));
    if (names.includes(keep)) list.value = keep;
  }

  // ---- talking to the control API ----

  async function api(method, path, body, headers = {}) {
    const res = await fetch(base + path, {
      method,
      cache: 'no-store',
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const data = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error((data.Code || res.status) + ': ' + (data.Msg || res.statusText));
    return data;
  }

  function say(text, kind) {
    $('message').textContent = text;
    $('message').className = kind || '';
  }

  let timer = 0;
  let polling = false;
  async function poll() {
    clearTimeout(timer);
    if (polling) return;
    polling = true;
    try {
      const [state, journal, snapshots] = await Promise.all([api('GET', '/state'), api('GET', '/journal?limit=' + JOURNAL_TAIL), api('GET', '/snapshots')]);
      render(state, journal);
      renderSnapshots(state, snapshots);
      $('live').className = 'live';
      $('live').textContent = 'live · ' + new Date().toLocaleTimeString([], { hour12: false });
    } catch (e) {
      $('live').className = 'live down';
      $('live').textContent = 'disconnected — retrying';
      $('live').title = String(e && e.message);
    } finally {
      polling = false;
      timer = setTimeout(poll, POLL_MS);
    }
  }

  /** Runs one change, reports it, and refreshes at once instead of waiting for the next poll. */
  async function act(run, done) {
    try {
      const answer = await run();
      say(done(answer), 'ok');
    } catch (e) {
      say(String(e && e.message), 'error');
    }
    poll();
  }

  $('account').addEventListener('change', () => {
    $('account').dataset.picked = '1';
    sessionStorage.setItem('emulatorAccount', $('account').value);
    poll();
  });

  $('call-fault-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const form = ev.target;
    const fault = {};
    for (const el of form.elements) {
      if (!el.name) continue;
      if (el.type === 'checkbox') { if (el.checked) fault[el.name] = true; }
      else if (el.value.trim() !== '') fault[el.name] = el.type === 'number' ? Number(el.value) : el.value.trim();
    }
    act(() => api('POST', '/faults', fault), (f) => 'Fault #' + f.FaultId + ' added: ' + (f.Action || 'any action') + (f.EcsId ? ' on ' + f.EcsId : '') + ', ' + (f.Phase || 'before') + ' → ' + effectOf(f));
  });

  const showPhaseHint = () => ($('phase-hint').textContent = PHASE_HINT[$('fault-phase').value]);
  $('fault-phase').addEventListener('change', showPhaseHint);
  showPhaseHint();

  $('instance-fault-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const EcsId = $('fault-instance').value;
    if (!EcsId) return say('No instance to choose in this account.', 'error');
    act(() => api('POST', '/faults', { EcsId, FailNextTransition: true }), () => EcsId + ': its next transition will fail');
  });

  document.addEventListener('click', (ev) => {
    const el = ev.target.closest('button');
    if (!el) return;
    if (el.dataset.removeFault) {
      const id = el.dataset.removeFault;
      act(() => api('DELETE', '/faults/' + encodeURIComponent(id)), () => 'Fault #' + id + ' removed');
    } else if (el.dataset.removeInstanceFault) {
      const id = el.dataset.removeInstanceFault;
      act(() => api('DELETE', '/faults/instances/' + encodeURIComponent(id)), () => id + ': instance fault removed');
    } else if (el.dataset.life) {
      const { life, ecsId } = el.dataset;
      act(() => api('POST', '/instances/' + encodeURIComponent(ecsId) + '/' + life, undefined, accountHeader()), (r) => r.EcsId + ': ' + r.Status + ' (' + r.StatusDisplay + ')');
    }
  });

  // The balance of the account shown (its access key names the session).
  const accountHeader = () => ($('account').value ? { 'X-Emulator-Access-Key': $('account').value } : {});
  const billing = (body, done) => act(() => api('POST', '/billing', body, accountHeader()), (r) => done(r) + ': balance ¥' + r.Balance.toFixed(2) + (r.InArrears ? ', in arrears' : ''));
  const amount = () => Number($('billing-amount').value);
  $('billing-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    billing({ Balance: amount() }, () => 'Balance set');
  });
  $('billing-recharge').addEventListener('click', () => billing({ Recharge: amount() }, () => 'Recharged ¥' + amount().toFixed(2)));
  $('billing-run-out').addEventListener('click', () => billing({ RunOut: true }, () => 'Ran out'));

  $('clear-faults').addEventListener('click', () => act(() => api('DELETE', '/faults'), () => 'All faults cleared'));

  $('advance-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const seconds = Number($('advance-seconds').value);
    act(() => api('POST', '/clock/advance', { Seconds: seconds }), (r) => 'Clock advanced ' + seconds + ' s to ' + r.Clock.ChinaTime);
  });

  $('snapshot-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const name = $('snapshot-name').value;
    act(() => api('POST', '/snapshots', { Name: name }), () => 'Snapshot ' + name + ' saved');
  });

  $('snapshot-restore').addEventListener('click', () => {
    const name = $('snapshot-list').value;
    if (!name) return say('No snapshot saved yet', 'error');
    act(() => api('POST', '/snapshots/' + encodeURIComponent(name) + '/restore'), () => 'Snapshot ' + name + ' restored');
  });

  $('reset').addEventListener('click', () => {
    if (!confirm('Reset the emulator to its seed? Instances, events, faults and the journal start over.')) return;
    act(() => api('POST', '/reset'), (r) => 'Reset to the ' + r.Seed + ' seed: ' + r.Instances + ' instances');
  });

  poll();
})();
</script>
</body>
</html>
`;
}
