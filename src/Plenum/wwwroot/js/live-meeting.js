// Live updates of a meeting's page (participant, facilitator or projector view) where JavaScript is
// on. The server says only that the meeting changed; the page fetches itself again and swaps in the
// meeting part, so everyone sees what their own page would show on a reload. Votes and hand signals are
// the exception: their messages carry the new counts, shown in place, so a hall of phones does not all fetch.
(() => {
  'use strict';
  let live = null; // { meetingId, connection }
  let fetching = null, fetchAgain = false;


  async function refresh() {
    const current = document.getElementById('meeting');
    // Someone typing notes keeps their text: the page is refreshed once they have saved.
    if (!current || current.contains(document.activeElement) && document.activeElement.tagName === 'TEXTAREA') return;
    const response = await fetch(location.pathname + location.search, { credentials: 'same-origin' });
    if (!response.ok) return;
    const fresh = new DOMParser().parseFromString(await response.text(), 'text/html').getElementById('meeting');
    if (fresh && current.isConnected) current.replaceWith(document.adoptNode(fresh));
  }

  // Changes in quick succession cost one fetch in flight and at most one more after it.
  function changed() {
    if (fetching) { fetchAgain = true; return; }
    fetching = refresh().catch(() => {}).finally(() => {
      fetching = null;
      if (fetchAgain) { fetchAgain = false; changed(); }
    });
  }

  function showVoters(decisionId, voters) {
    const count = document.querySelector(`[data-voters-of="${decisionId}"]`);
    if (count) count.textContent = `${voters} voted`;
    // A page fetched before this vote may still be on its way: fetch once more after it.
    if (fetching) fetchAgain = true;
  }

  function showSignals(itemId, counts) {
    const signals = document.querySelector(`[data-signals-of="${itemId}"]`);
    // A page still on another item is out of date anyway: fetch it.
    if (!signals) { changed(); return; }
    for (const count of signals.querySelectorAll('[data-signal-count]')) count.textContent = counts[count.dataset.signalCount] ?? 0;
    if (fetching) fetchAgain = true;
  }

  async function watch(watching) {
    await window.plenumLoadSignalR();
    if (live !== watching) return;
    const connection = watching.connection = new signalR.HubConnectionBuilder()
      .withUrl('/hubs/meetings').withAutomaticReconnect().configureLogging(signalR.LogLevel.Warning).build();
    connection.on('MeetingChanged', id => { if (id === watching.meetingId) changed(); });
    connection.on('VotersChanged', (id, decisionId, voters) => { if (id === watching.meetingId) showVoters(decisionId, voters); });
    connection.on('SignalsChanged', (id, itemId, counts) => { if (id === watching.meetingId) showSignals(itemId, counts); });
    connection.onreconnected(async () => { await connection.invoke('Watch', watching.meetingId); changed(); });
    await connection.start();
    await connection.invoke('Watch', watching.meetingId);
    changed(); // anything that happened between drawing the page and listening
  }

  // htmx swaps pages in place (hx-boost), so a page change is noticed here rather than by unloading.
  function sync() {
    const wanted = document.querySelector('[data-meeting]')?.dataset.meeting ?? null;
    if ((live?.meetingId ?? null) === wanted) return;
    live?.connection?.stop();
    live = wanted ? { meetingId: wanted, connection: null } : null;
    // Live updates are an extra: if they fail, the page still works by reloading.
    if (live) watch(live).catch(() => {});
  }
  sync();
  document.addEventListener('htmx:afterSettle', sync);
  document.addEventListener('htmx:historyRestore', sync);
})();
