// The keyer console: sign in at a post, then key slices over /ws/keying. The server keeps the
// console topped up to its credit, so the next slice is already here when Enter is pressed.
'use strict';

const $ = (id) => document.getElementById(id);
const state = { socket: null, tasks: [], shownAt: 0, keystrokes: 0, retry: 0, signingOut: false };

async function api(method, path, body) {
  const res = await fetch(path, {
    method,
    headers: { Authorization: 'Bearer ' + Oidc.token(), 'Content-Type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = res.status === 204 ? null : await res.json().catch(() => null);
  if (!res.ok) throw new Error((json && (json.detail || json.code)) || 'HTTP ' + res.status);
  return json;
}

async function start() {
  await Oidc.init();
  const claims = Oidc.claims();
  $('who').textContent = claims.preferred_username;
  const duty = await api('GET', '/api/duty');
  if (duty) return keyAt(duty.postCode);
  const roles = (claims.realm_access && claims.realm_access.roles) || [];
  const posts = [];
  if (roles.includes('keyer') || roles.includes('arbiter')) posts.push('KEYING');
  if (roles.includes('arbiter')) posts.push('ARBITRATION');
  $('posts').replaceChildren(...posts.map((code) => {
    const b = document.createElement('button');
    b.id = 'post-' + code;
    b.textContent = code;
    b.onclick = () => api('POST', '/api/duty/sign-in', { postCode: code })
      .then(() => keyAt(code))
      .catch((e) => { $('duty-error').textContent = e.message; });
    return b;
  }));
  $('duty').hidden = false;
}

function keyAt(post) {
  $('duty').hidden = true;
  $('desk').hidden = false;
  $('sign-out').hidden = false;
  $('post').textContent = '岗位 ' + post;
  connect();
  setInterval(() => send({ type: 'heartbeat' }), 20000);
  setInterval(() => send({ type: 'stats' }), 10000);
}

function connect() {
  const url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws/keying';
  // Browsers cannot set headers on a WebSocket; Quarkus takes the bearer token from this
  // subprotocol and answers with the other one.
  const carrier = encodeURIComponent('quarkus-http-upgrade#Authorization#Bearer ' + Oidc.token());
  const ws = new WebSocket(url, ['bearer-token-carrier', carrier]);
  state.socket = ws;
  ws.onopen = () => {
    state.retry = 0;
    state.tasks = []; // the server sends what we hold again
    $('connection').textContent = 'online';
    $('connection').className = 'on';
    send({ type: 'stats' });
  };
  ws.onmessage = (e) => receive(JSON.parse(e.data));
  ws.onclose = () => {
    $('connection').textContent = 'offline';
    $('connection').className = 'off';
    if (state.signingOut) return;
    state.retry = Math.min(state.retry + 1, 5);
    setTimeout(connect, 500 * state.retry);
  };
}

function send(message) {
  if (state.socket && state.socket.readyState === WebSocket.OPEN) {
    state.socket.send(JSON.stringify(message));
  }
}

function receive(m) {
  switch (m.type) {
    case 'task':
      if (!state.tasks.some((t) => t.taskId === m.taskId)) state.tasks.push(m);
      if (state.tasks.length === 1) show();
      break;
    case 'accepted':
      break;
    case 'stats':
      $('stat-fields').textContent = m.fieldsPerHour;
      $('stat-keys').textContent = m.keystrokesPerHour;
      $('stat-accuracy').textContent =
        m.accuracy == null ? '–' : (m.accuracy * 100).toFixed(1) + '%';
      $('stat-queue').textContent = m.queueDepth;
      break;
    case 'error':
      $('message').textContent = m.code + ': ' + m.message;
      if (m.code === 'keying.not-on-duty') {
        // Signed out by a supervisor: back to the post choice.
        state.signingOut = true;
        location.reload();
      }
      if (m.taskId && /lease-expired|already-completed|not-found/.test(m.code)) drop(m.taskId);
      break;
  }
  $('held').textContent = state.tasks.length;
}

function show() {
  const t = state.tasks[0];
  const input = $('key');
  $('waiting').hidden = !!t;
  input.disabled = !t;
  input.value = '';
  state.keystrokes = 0;
  if (!t) {
    $('slice').removeAttribute('src');
    $('field').textContent = '';
    $('kind').textContent = '';
    $('shown').replaceChildren();
    input.removeAttribute('data-task-id');
    return;
  }
  $('slice').hidden = !t.image;
  $('no-image').hidden = !!t.image;
  if (t.image) $('slice').src = t.image;
  $('field').textContent = t.field;
  $('field').dataset.field = t.field;
  $('kind').textContent = t.fieldKind + (t.kind === 'ARBITRATE' ? ' · 仲裁 arbitration' : '');
  input.dataset.taskId = t.taskId;
  input.inputMode = t.hints.inputMode;
  input.maxLength = t.hints.maxLength;
  input.placeholder = t.hints.placeholder || '';
  // Arbitration in pick mode: both keys side by side; Alt+1 / Alt+2 takes one.
  $('shown').replaceChildren(...(t.shown || []).map((v, i) => {
    const b = document.createElement('button');
    b.textContent = (i + 1) + ': ' + v;
    b.onclick = () => { input.value = v; input.focus(); };
    return b;
  }));
  state.shownAt = performance.now();
  input.focus();
}

function drop(taskId) {
  const wasCurrent = state.tasks.length && state.tasks[0].taskId === taskId;
  state.tasks = state.tasks.filter((t) => t.taskId !== taskId);
  if (wasCurrent) show();
}

function finish(type) {
  const t = state.tasks[0];
  if (!t) return;
  const message = { type, taskId: t.taskId };
  if (type === 'submit') {
    const value = $('key').value.trim();
    if (!value) {
      $('message').textContent = 'Nothing keyed: F2 marks the slice unreadable';
      return;
    }
    Object.assign(message, {
      value,
      keystrokes: state.keystrokes,
      millis: Math.round(performance.now() - state.shownAt),
    });
  }
  send(message);
  $('message').textContent = '';
  // The next slice is already here: show it at once, without waiting for "accepted".
  state.tasks.shift();
  show();
  $('held').textContent = state.tasks.length;
}

$('key').addEventListener('keydown', (e) => {
  // While an input method composes (Chinese names), Enter confirms the composition only.
  if (e.isComposing || e.keyCode === 229) return;
  if (e.key === 'Enter') {
    e.preventDefault();
    finish('submit');
  } else if (e.key.length === 1 || e.key === 'Backspace' || e.key === 'Delete') {
    state.keystrokes++;
  }
});
$('key').addEventListener('compositionend', () => { state.keystrokes++; });

let zoom = 1.5;
let contrast = 1;
function view() {
  $('slice').style.transform = 'scale(' + zoom + ')';
  $('slice').style.filter = 'contrast(' + contrast + ')';
  $('zoom').value = zoom;
  $('contrast').value = contrast;
}
$('zoom').oninput = (e) => { zoom = +e.target.value; view(); };
$('contrast').oninput = (e) => { contrast = +e.target.value; view(); };
view();

document.addEventListener('keydown', (e) => {
  const actions = {
    F2: () => finish('unreadable'),
    F3: () => finish('skip'),
    F6: () => { zoom = Math.max(0.5, zoom - 0.25); view(); },
    F7: () => { zoom = Math.min(4, zoom + 0.25); view(); },
    F8: () => { contrast = contrast >= 2.5 ? 1 : contrast + 0.5; view(); },
  };
  if (actions[e.key]) {
    e.preventDefault();
    actions[e.key]();
  } else if (e.altKey && (e.key === '1' || e.key === '2')) {
    const shown = $('shown').children[+e.key - 1];
    if (shown) { e.preventDefault(); shown.click(); }
  }
});
$('unreadable').onclick = () => finish('unreadable');
$('skip').onclick = () => finish('skip');

$('sign-out').onclick = async () => {
  // Give back what is on screen, then leave the post.
  state.signingOut = true;
  send({ type: 'ready', credit: 0 });
  state.tasks.forEach((t) => send({ type: 'skip', taskId: t.taskId }));
  setTimeout(async () => {
    if (state.socket) state.socket.close();
    try {
      await api('POST', '/api/duty/sign-out');
      location.reload();
    } catch (e) {
      $('message').textContent = e.message;
    }
  }, 500);
};
$('logout').onclick = () => Oidc.logout();

start().catch((e) => { document.body.prepend(Object.assign(document.createElement('p'), {
  className: 'error', textContent: 'Console failed to start: ' + e.message })); });
