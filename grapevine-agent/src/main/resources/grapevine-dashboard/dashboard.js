// Grapevine dashboard: plain JavaScript over the agent's public JSON API (docs/http-api.md).
//
// State comes from GET /v1/members, /v1/members/NAME (history), /v1/kv?node=N; it is re-read when
// the SSE stream (/v1/events) says it changed: member-changed refetches the members and that
// member's history, key-changed that node's keys, a gap marker everything. The stream opens at
// ?lastEventId=0 so the agent's backlog fills the feed and nothing between the first read and the
// subscription is missed; reconnects resume with Last-Event-ID (EventSource sends it itself).
// Charts poll /v1/info every second and plot per-second deltas of its counters.
// Every value from the cluster reaches the page through textContent, never as markup.
'use strict';

(function () {
  const FEED_LIMIT = 200;          // feed entries kept
  const CHART_POINTS = 120;        // two minutes at one sample per second
  const HISTORY_SHOWN = 6;         // transitions shown per member
  const POLL_MILLIS = 1000;        // /v1/info
  const PING_MILLIS = 10000;       // /v1/reachability
  const PING_WAIT_MILLIS = 300;
  const PING_MAX_MEMBERS = 64;     // beyond this many live members an open page would ping too much
  const RETRY_MILLIS = 5000;       // a refused event stream (503) is retried by hand

  const view = {
    self: '',
    members: new Map(),    // name -> member JSON
    fetchedAt: 0,          // performance.now() of the member read, for status ages
    histories: new Map(),  // name -> {history, fetchedAt}
    keys: new Map(),       // node -> {key: value}
    rtt: new Map(),        // name -> reachability JSON
    lastEventId: 0,
  };

  // ---------- DOM helpers ----------
  const $ = id => document.getElementById(id);

  /** el('td', {className: 'num', dataset: {x: 1}, title: 't'}, child, 'text', ...) */
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    if (props) {
      for (const [k, v] of Object.entries(props)) {
        if (k === 'dataset') {
          Object.assign(node.dataset, v);
        } else if (v !== undefined && v !== null) {
          node[k] = v;
        }
      }
    }
    for (const child of children) {
      if (child !== undefined && child !== null) {
        node.append(child instanceof Node ? child : String(child));
      }
    }
    return node;
  }

  const pill = status => el('span', {className: 'pill ' + status}, status);

  function ago(millis) {
    const s = Math.max(0, Math.round(millis / 1000));
    if (s < 60) return s + ' s';
    if (s < 3600) return Math.floor(s / 60) + ' min ' + (s % 60) + ' s';
    if (s < 86400) return Math.floor(s / 3600) + ' h ' + Math.floor((s % 3600) / 60) + ' min';
    return Math.floor(s / 86400) + ' d ' + Math.floor((s % 86400) / 3600) + ' h';
  }

  function clock(date) {
    return date.toTimeString().slice(0, 8);
  }

  function rate(value, unit) {
    if (value === null || value === undefined) return '–';
    const abs = Math.abs(value);
    if (abs >= 1e6) return (value / 1e6).toFixed(1) + ' M' + unit;
    if (abs >= 1e3) return (value / 1e3).toFixed(1) + ' k' + unit;
    return (abs >= 10 || value === 0 ? value.toFixed(0) : value.toFixed(1)) + ' ' + unit;
  }

  function showError(message) {
    const box = $('error');
    box.textContent = message;
    box.hidden = !message;
  }

  async function getJson(path) {
    const res = await fetch(path, {headers: {Accept: 'application/json'}, cache: 'no-store'});
    if (res.status === 404) return null;
    if (!res.ok) {
      let reason = res.statusText;
      try { reason = (await res.json()).error || reason; } catch (ignored) { /* not JSON */ }
      throw new Error(path + ' answered ' + res.status + ': ' + reason);
    }
    return res.json();
  }

  /** Runs fn one at a time; calls that arrive while it runs fold into one more run. */
  function coalesced(fn) {
    let running = false;
    let again = false;
    return async function run() {
      if (running) { again = true; return; }
      running = true;
      try {
        do { again = false; await guarded(fn); } while (again);
      } finally {
        running = false;
      }
    };
  }

  /** Like coalesced, per name: each pending name is fetched once, in turn. */
  function perName(fn) {
    const pending = new Set();
    let running = false;
    return async function run(name) {
      pending.add(name);
      if (running) return;
      running = true;
      try {
        while (pending.size > 0) {
          const next = pending.values().next().value;
          pending.delete(next);
          await guarded(() => fn(next));
        }
      } finally {
        running = false;
      }
    };
  }

  async function guarded(fn) {
    try {
      await fn();
      showError('');
    } catch (e) {
      showError('Cannot read the agent: ' + e.message);
    }
  }

  // ---------- members ----------
  const refreshMembers = coalesced(async () => {
    const list = await getJson('/v1/members');
    if (list === null) return;
    const before = new Set(view.members.keys());
    view.members = new Map(list.map(m => [m.name, m]));
    view.fetchedAt = performance.now();
    for (const name of view.members.keys()) {
      if (!before.has(name)) {
        refreshHistory(name);
        refreshKeys(name);
      }
    }
    for (const name of before) {
      if (!view.members.has(name)) { // reaped
        view.histories.delete(name);
        view.keys.delete(name);
      }
    }
    renderMembers();
    renderHistories();
    renderKeys();
  });

  const refreshHistory = perName(async name => {
    const detail = await getJson('/v1/members/' + encodeURIComponent(name));
    if (detail === null) {
      view.histories.delete(name);
    } else {
      const fetchedAt = performance.now();
      view.histories.set(name, {history: detail.history, fetchedAt});
      dateFeedFromHistory(name, detail.history, fetchedAt);
    }
    renderHistories();
    renderMembers();
  });

  const refreshKeys = perName(async node => {
    const keys = await getJson('/v1/kv?node=' + encodeURIComponent(node));
    if (keys === null) {
      view.keys.delete(node);
    } else {
      view.keys.set(node, keys);
    }
    renderKeys();
  });

  function refreshAll() {
    refreshMembers();
    for (const name of view.members.keys()) {
      refreshHistory(name);
      refreshKeys(name);
    }
  }

  function lastTransition(name) {
    const h = view.histories.get(name);
    return h && h.history.length > 0 ? h.history[h.history.length - 1] : null;
  }

  function rttCell(member) {
    if (member.name === view.self) return el('td', {className: 'num muted'}, 'self');
    if (member.status !== 'alive' && member.status !== 'suspect') return el('td', {className: 'num muted'}, '–');
    const r = view.rtt.get(member.name);
    if (!r) return el('td', {className: 'num muted', title: 'not pinged (yet)'}, '…');
    if (r.udp) return el('td', {className: 'num', title: 'UDP ping'}, r.udpRttMillis.toFixed(2) + ' ms');
    if (r.tcp) return el('td', {className: 'num', title: 'no UDP answer; TCP ping'}, 'tcp ' + r.tcpRttMillis.toFixed(2) + ' ms');
    return el('td', {className: 'num', title: 'no answer to the last ping'}, 'no answer');
  }

  function renderMembers() {
    const body = $('members').tBodies[0];
    const now = performance.now();
    const rows = [];
    for (const m of view.members.values()) {
      const last = lastTransition(m.name);
      rows.push(el('tr', {className: m.name === view.self ? 'self' : '', dataset: {member: m.name, status: m.status}},
        el('td', null, el('strong', null, m.name), m.name === view.self ? el('span', {className: 'self-tag'}, 'this node') : null),
        el('td', {className: 'mono'}, m.address),
        el('td', {className: 'status'}, pill(m.status)),
        el('td', {className: 'num'}, ago(m.statusAgeMillis + now - view.fetchedAt)),
        el('td', {className: 'num'}, m.incarnation),
        el('td', {className: 'num mono'}, m.generation),
        rttCell(m),
        el('td', null, last ? el('span', null, el('span', {className: 'change ' + last.status}, last.change),
          ' on word of ', el('strong', null, last.onWordOf)) : '')));
    }
    if (rows.length === 0) rows.push(el('tr', null, el('td', {colSpan: 8, className: 'empty'}, 'no members yet')));
    body.replaceChildren(...rows);
    $('members-hint').textContent = view.self ? 'as ' + view.self + ' sees them' : '';
  }

  /** The core's detail ("suspected by a (why), confirmed by [b, c]") with its lists unbracketed. */
  function readable(detail) {
    if (detail === 'confirmation') return 'confirms the suspicion';
    return detail.replace(/confirmed by \[\]/g, 'no one else confirmed').replace(/\[([^\]]*)\]/g, '$1');
  }

  function renderHistories() {
    const now = performance.now();
    const cards = [];
    for (const m of view.members.values()) {
      const h = view.histories.get(m.name);
      const lines = h ? h.history.slice(-HISTORY_SHOWN).reverse().map(t => el('li',
        {dataset: {change: t.change, onWordOf: t.onWordOf}},
        el('span', {className: 'age'}, ago(t.ageMillis + now - h.fetchedAt) + ' ago'),
        el('span', {className: 'change ' + t.status}, t.change),
        el('span', {className: 'word'}, 'on word of ', el('strong', null, t.onWordOf),
          t.detail ? ' · ' + readable(t.detail) : '', el('span', {className: 'muted'}, ' · inc ' + t.incarnation)))) : [];
      cards.push(el('div', {className: 'card', dataset: {member: m.name}},
        el('h3', null, m.name, pill(m.status)),
        lines.length ? el('ol', null, ...lines) : el('div', {className: 'empty'},
          m.name === view.self ? 'this node: the others record its transitions' : 'no transitions recorded')));
    }
    $('history').replaceChildren(...cards);
  }

  function renderKeys() {
    const blocks = [];
    for (const name of view.members.keys()) {
      const keys = view.keys.get(name);
      if (!keys) continue;
      const entries = Object.entries(keys).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      const rows = entries.map(([k, v]) => el('tr', {dataset: {key: k}},
        el('td', {className: 'key mono'}, k),
        el('td', {className: 'value mono', title: v}, v.length > 120 ? v.slice(0, 120) + '…' : v)));
      blocks.push(el('div', {className: 'node-keys', dataset: {node: name}},
        el('h3', null, name, el('span', {className: 'muted'}, entries.length + (entries.length === 1 ? ' key' : ' keys'))),
        rows.length ? el('table', {className: 'grid'}, el('tbody', null, ...rows)) : el('div', {className: 'empty'}, 'no keys')));
    }
    $('keys').replaceChildren(...blocks);
  }

  // ---------- event feed ----------
  // Every cluster event carries atMillis, the agent's wall clock when its node emitted it, so
  // events replayed from the backlog when the page opens show when they happened; an event
  // without it (an older agent) falls back to the member's history (ageMillis), then arrival.
  const untimed = [];   // {name, change, incarnation, generation, onWordOf, time: element}

  function feed(type, text, attrs, atMillis) {
    const list = $('feed');
    const time = el('span', {className: 'time'}, clock(typeof atMillis === 'number' ? new Date(atMillis) : new Date()));
    const item = el('li', attrs, time,
      el('span', null, el('span', {className: 'tag ' + type}, TAGS[type] || type)), el('span', {className: 'text'}, ...text));
    list.prepend(item);
    while (list.children.length > FEED_LIMIT) list.lastElementChild.remove();
    $('feed-count').textContent = list.children.length + (list.children.length === FEED_LIMIT ? '+' : '');
    return time;
  }

  function dateFeedFromHistory(name, history, fetchedAt) {
    for (let i = untimed.length - 1; i >= 0; i--) {
      const u = untimed[i];
      if (u.name !== name) continue;
      const t = history.slice().reverse().find(h => h.change === u.change && h.incarnation === u.incarnation
        && h.generation === u.generation && h.onWordOf === u.onWordOf);
      if (t) {
        u.time.textContent = clock(new Date(Date.now() - t.ageMillis - (performance.now() - fetchedAt)));
        untimed.splice(i, 1);
      }
    }
    if (untimed.length > FEED_LIMIT) untimed.splice(0, untimed.length - FEED_LIMIT);
  }

  const TAGS = {'member-changed': 'member', 'key-changed': 'key', 'user-event': 'user event', 'name-conflict': 'conflict'};
  const strong = text => el('strong', null, text);

  function onMemberChanged(d) {
    const m = d.member;
    const time = feed('member-changed', [strong(m.name), ' ' + d.change + ' ', pill(m.status), ' on word of ',
      strong(d.onWordOf)], {className: d.change, dataset: {type: 'member-changed', member: m.name, change: d.change,
      status: m.status}}, d.atMillis);
    if (typeof d.atMillis !== 'number') {
      untimed.push({name: m.name, change: d.change, incarnation: m.incarnation, generation: m.generation,
        onWordOf: d.onWordOf, time});
    }
    refreshMembers();
    refreshHistory(m.name);
    if (d.change === 'joined' || d.change === 'restarted') refreshKeys(m.name);
  }

  function onKeyChanged(d) {
    const what = d.deleted ? [' deleted ', el('span', {className: 'mono'}, d.key)]
      : [' set ', el('span', {className: 'mono'}, d.key), ' = ', el('span', {className: 'mono'}, d.value)];
    feed('key-changed', [strong(d.node), ...what, el('span', {className: 'muted'}, ' v' + d.version)],
      {dataset: {type: 'key-changed', node: d.node, key: d.key}}, d.atMillis);
    refreshKeys(d.node);
  }

  function onUserEvent(d) {
    feed('user-event', [strong(d.name), ' from ', strong(d.origin), d.payload ? ': ' : '',
      el('span', {className: 'mono'}, d.payload)], {dataset: {type: 'user-event', name: d.name}}, d.atMillis);
  }

  function onNameConflict(d) {
    feed('name-conflict', ['two nodes named ', strong(d.kept.name), ': kept ', d.kept.address, ', refused ',
      d.rejected.address], {dataset: {type: 'name-conflict'}}, d.atMillis);
  }

  function onGap(d) {
    feed('gap', ['missed events (' + d.reason + '); state re-read'], {dataset: {type: 'gap'}});
    view.lastEventId = d.resumingAt - 1;
    refreshAll();
  }

  function connect() {
    const source = new EventSource('/v1/events?lastEventId=' + view.lastEventId);
    const stream = $('stream');
    const state = s => { stream.dataset.state = s; stream.textContent = s; };
    source.onopen = () => { state('live'); refreshAll(); };
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) { // refused (503, 401): EventSource gives up; we do not
        state('closed');
        source.close();
        setTimeout(connect, RETRY_MILLIS);
      } else {
        state('reconnecting');
      }
    };
    const on = (type, handler) => source.addEventListener(type, e => {
      const id = Number(e.lastEventId);
      if (id > 0 && id <= view.lastEventId) return; // already shown (a manual reconnect's replay)
      if (id > 0) view.lastEventId = id;
      handler(JSON.parse(e.data));
    });
    on('member-changed', onMemberChanged);
    on('key-changed', onKeyChanged);
    on('user-event', onUserEvent);
    on('name-conflict', onNameConflict);
    source.addEventListener('gap', e => onGap(JSON.parse(e.data)));
    source.addEventListener('overflow', () => feed('overflow', ['this page read too slowly; resuming'],
      {dataset: {type: 'overflow'}}));
  }

  // ---------- header, charts, pings ----------
  const charts = [];
  const samples = {x: [], msgIn: [], msgOut: [], bytesIn: [], bytesOut: [], drops: []};
  let previous = null;

  function makeChart(id, title, series, unit) {
    const target = $(id);
    const axis = {stroke: '#667085', grid: {stroke: '#eef0f3', width: 1}, ticks: {stroke: '#e2e5ea', width: 1},
      font: '11px "DejaVu Sans", sans-serif'};
    const chart = new uPlot({
      title,
      width: Math.max(200, target.clientWidth),
      height: 170,
      cursor: {drag: {x: false, y: false}},
      legend: {live: false},
      scales: {x: {time: true}, y: {range: (u, min, max) => [0, Math.max(unit === '' ? 1 : 10, max * 1.15)]}},
      axes: [axis, Object.assign({}, axis, {size: 58, values: (u, vals) => vals.map(v => rate(v, unit).trim())})],
      series: [{value: (u, v) => (v === null ? '–' : clock(new Date(v * 1000)))}].concat(series.map(s => ({
        label: s.label, stroke: s.color, width: 2, fill: s.color + '22', points: {show: false},
        value: (u, v) => (v === null ? '–' : rate(v, unit).trim() + '/s'),
      }))),
    }, [[], ...series.map(() => [])], target);
    charts.push({chart, target, keys: series.map(s => s.key)});
  }

  function drawCharts() {
    for (const c of charts) c.chart.setData([samples.x, ...c.keys.map(k => samples[k])]);
    $('charts').dataset.samples = samples.x.length;
  }

  function resizeCharts() {
    for (const c of charts) c.chart.setSize({width: Math.max(200, c.target.clientWidth), height: 170});
  }

  function renderInfo(info) {
    view.self = info.node;
    document.title = info.node + ' · Grapevine';
    $('node-name').textContent = info.node;
    $('node-detail').textContent = 'gossip ' + info.gossipAddress + ' · http ' + info.httpAddress + ' · v' + info.version
      + (info.encrypted ? ' · encrypted' : ' · plaintext');
    $('counts').replaceChildren(...['alive', 'suspect', 'dead', 'left']
      .map(s => el('span', {className: 'pill ' + s, dataset: {count: s}}, info.members[s] + ' ' + s)));
    const m = info.metrics;
    $('probe-rtt').textContent = m.probeRttMedianMillis > 0
      ? 'probe RTT ' + m.probeRttMedianMillis.toFixed(2) + ' ms median · ' + m.probeRttP99Millis.toFixed(2) + ' ms p99'
      : 'probe RTT: no probes yet';
  }

  function sample(info, at) {
    const m = info.metrics;
    if (previous !== null) {
      const seconds = (at - previous.at) / 1000;
      const p = previous.metrics;
      const per = (now, before) => Math.max(0, now - before) / seconds;
      samples.x.push(Date.now() / 1000);
      samples.msgIn.push(per(m.packetsReceived, p.packetsReceived));
      samples.msgOut.push(per(m.packetsSent, p.packetsSent));
      samples.bytesIn.push(per(m.bytesReceived, p.bytesReceived));
      samples.bytesOut.push(per(m.bytesSent, p.bytesSent));
      samples.drops.push(per(m.drops, p.drops));
      for (const series of Object.values(samples)) {
        if (series.length > CHART_POINTS) series.shift();
      }
      drawCharts();
    }
    previous = {at, metrics: m};
  }

  const poll = coalesced(async () => {
    const info = await getJson('/v1/info');
    if (info === null) return;
    renderInfo(info);
    sample(info, performance.now());
    renderMembers();   // status ages move on
    renderHistories();
  });

  const ping = coalesced(async () => {
    const live = [...view.members.values()].filter(m => m.status === 'alive' || m.status === 'suspect').length;
    if (live > PING_MAX_MEMBERS) {
      view.rtt = new Map();
      return;
    }
    const answers = await getJson('/v1/reachability?waitMillis=' + PING_WAIT_MILLIS);
    if (answers === null) return;
    view.rtt = new Map(answers.map(r => [r.member, r]));
    renderMembers();
  });

  function start() {
    makeChart('chart-messages', 'Messages per second', [
      {key: 'msgIn', label: 'received', color: '#2f6fde'},
      {key: 'msgOut', label: 'sent', color: '#18a673'}], '');
    makeChart('chart-bytes', 'Bytes per second', [
      {key: 'bytesIn', label: 'received', color: '#7a4fd6'},
      {key: 'bytesOut', label: 'sent', color: '#e08a12'}], 'B');
    makeChart('chart-drops', 'Drops per second', [
      {key: 'drops', label: 'dropped', color: '#d63a3a'}], '');
    window.addEventListener('resize', resizeCharts);
    renderMembers();
    poll();
    connect();
    setInterval(poll, POLL_MILLIS);
    setTimeout(ping, 1500);
    setInterval(ping, PING_MILLIS);
  }

  start();
}());
