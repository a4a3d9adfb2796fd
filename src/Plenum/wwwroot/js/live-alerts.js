// The live alert page where JavaScript is on: listens for this person's alerts, shows each at the top the
// moment it comes, confirms it (the live channel's receipt), and if they ticked "Sound an alarm" beeps
// with the Web Audio API and vibrates. Without this script the page still lists and answers alerts.
(() => {
  'use strict';
  if (window.plenumLiveAlerts) { window.plenumLiveAlerts.sync(); return; }
  const alarmKey = 'plenum.alerts.alarm';
  let live = null; // { groupId, connection }
  let audio = null;


  function status(text) {
    const line = document.getElementById('live-status');
    if (!line) return;
    line.hidden = false;
    line.textContent = text;
  }

  function alarmWanted() {
    try { return localStorage.getItem(alarmKey) === 'on'; } catch { return false; }
  }

  // Browsers let a page make sound only after a tap: the tick on the box (or the test button) opens the audio.
  function openAudio() {
    if (!audio && window.AudioContext) audio = new AudioContext();
    if (audio && audio.state === 'suspended') audio.resume();
  }

  function soundAlarm() {
    if (navigator.vibrate) navigator.vibrate([500, 200, 500, 200, 500]);
    if (!audio) return;
    const start = audio.currentTime;
    const tone = audio.createOscillator(), volume = audio.createGain();
    tone.type = 'square';
    volume.gain.value = 0.25;
    // A siren: high and low, three times over three seconds.
    for (let i = 0; i < 6; i++) tone.frequency.setValueAtTime(i % 2 ? 660 : 990, start + i * 0.5);
    tone.connect(volume).connect(audio.destination);
    tone.start(start);
    tone.stop(start + 3);
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function show(alert) {
    const incoming = document.getElementById('incoming');
    if (!incoming) return;
    const card = element('article', alert.exercise ? 'alert-card incoming exercise' : 'alert-card incoming');
    card.setAttribute('data-testid', 'incoming-alert');
    if (alert.exercise) card.append(element('p', 'exercise-mark', 'EXERCISE — not a real alert'));
    card.append(element('h2', null, alert.kind));
    card.append(element('p', 'text', alert.text));
    const sent = new Date(alert.sentAt);
    card.append(element('p', 'hint', `${alert.zone} · ${sent.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`));
    const answer = element('a', 'button', 'Answer this alert');
    answer.href = alert.answerUrl + '?via=live';
    answer.setAttribute('hx-boost', 'false');
    const dismiss = element('button', 'secondary', 'Hide');
    dismiss.type = 'button';
    dismiss.addEventListener('click', () => card.remove());
    const actions = element('p');
    actions.append(answer, ' ', dismiss);
    card.append(actions);
    incoming.prepend(card);
    if (alarmWanted()) soundAlarm();
    refreshList();
  }

  // The open alerts below, with their buttons, as the server would draw them now.
  async function refreshList() {
    const response = await fetch(location.pathname, { credentials: 'same-origin' }).catch(() => null);
    if (!response?.ok) return;
    const fresh = new DOMParser().parseFromString(await response.text(), 'text/html').getElementById('open-alerts');
    const current = document.getElementById('open-alerts');
    if (fresh && current?.isConnected) current.replaceWith(document.adoptNode(fresh));
  }

  async function listen(listening) {
    await window.plenumLoadSignalR();
    if (live !== listening) return;
    const connection = listening.connection = new signalR.HubConnectionBuilder()
      .withUrl('/hubs/alerts').withAutomaticReconnect().configureLogging(signalR.LogLevel.Warning).build();
    connection.on('Alert', alert => {
      show(alert);
      connection.invoke('Received', alert.messageId).catch(() => {});
    });
    connection.onreconnecting(() => status('Connection lost, reconnecting… Alerts still reach you on your other channels.'));
    connection.onreconnected(async () => { await connection.invoke('Listen', listening.groupId); status('Listening: new alerts appear here at once.'); refreshList(); });
    connection.onclose(() => { if (live === listening) status('Not listening any more: reload the page.'); });
    await connection.start();
    await connection.invoke('Listen', listening.groupId);
    status('Listening: new alerts appear here at once.');
  }

  function setUpAlarmOption() {
    const option = document.getElementById('alarm-option');
    const box = document.getElementById('sound-alarm');
    if (!option || !box || option.dataset.ready) return;
    option.dataset.ready = 'yes';
    option.hidden = false;
    box.checked = alarmWanted();
    box.addEventListener('change', () => {
      try { localStorage.setItem(alarmKey, box.checked ? 'on' : 'off'); } catch { /* private mode: only for this page */ }
      if (box.checked) openAudio();
    });
    document.getElementById('test-alarm')?.addEventListener('click', () => { openAudio(); soundAlarm(); });
    // A page opened with the alarm on still needs one tap anywhere before it may sound.
    document.addEventListener('pointerdown', () => { if (alarmWanted()) openAudio(); }, { once: true });
  }

  function tickCountdowns() {
    for (const due of document.querySelectorAll('[data-check-in-due]')) {
      const left = Math.round((new Date(due.dataset.checkInDue) - Date.now()) / 1000);
      let counter = due.nextElementSibling;
      if (!counter?.classList.contains('countdown')) { counter = element('strong', 'countdown'); due.after(' ', counter); }
      counter.textContent = left > 0 ? `(${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')} left)` : '(check in now!)';
    }
  }

  // htmx swaps pages in place (hx-boost): a page change is noticed here, and leaving the page stops listening,
  // so the server no longer counts this page as a way to reach the person.
  function sync() {
    const wanted = document.getElementById('incoming')?.dataset.groupId ?? null;
    if (wanted) setUpAlarmOption();
    if ((live?.groupId ?? null) === wanted) return;
    live?.connection?.stop();
    live = wanted ? { groupId: wanted, connection: null } : null;
    if (live) listen(live).catch(() => status('Live alerts could not start: reload the page. Alerts still reach you on your other channels.'));
  }

  window.plenumLiveAlerts = { sync };
  sync();
  setInterval(tickCountdowns, 1000);
  document.addEventListener('htmx:afterSettle', sync);
  document.addEventListener('htmx:historyRestore', sync);
})();
