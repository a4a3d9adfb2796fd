// Live updates of an open decision's page, where JavaScript is on. The server says only that votes
// changed and how many voted; a page already showing the count fetches it again from the server,
// which applies the page's own rules. Without JavaScript, reloading the page shows the same.
(() => {
  'use strict';
  let live = null; // { decisionId, connection } while an open decision's page is shown
  let fetching = null, fetchAgain = false, leaving = false;
  addEventListener('beforeunload', () => { leaving = true; });
  addEventListener('pageshow', () => { leaving = false; });


  // True when the number shown changed.
  function showVoters(voters) {
    const count = document.getElementById('voters');
    if (!count || parseInt(count.textContent, 10) === voters) return false;
    count.textContent = `${voters} voted.`;
    return true;
  }

  async function fetchCount() {
    const results = document.getElementById('results');
    if (results?.dataset.refreshOnVote !== 'true') return;
    const response = await fetch(`${location.pathname}?handler=Live`, { credentials: 'same-origin' });
    if (!response.ok) return;
    const fresh = new DOMParser().parseFromString(await response.text(), 'text/html').getElementById('results');
    if (fresh && results.isConnected) results.replaceWith(document.adoptNode(fresh));
  }

  // Votes in quick succession cost one fetch in flight and at most one more after it.
  function refreshCount() {
    if (fetching) { fetchAgain = true; return; }
    fetching = fetchCount().catch(() => {}).finally(() => {
      fetching = null;
      if (fetchAgain) { fetchAgain = false; refreshCount(); }
    });
  }

  async function watch(watching) {
    await window.plenumLoadSignalR();
    if (live !== watching) return;
    const { decisionId } = watching;
    const connection = watching.connection = new signalR.HubConnectionBuilder()
      .withUrl('/hubs/decisions')
      .withAutomaticReconnect()
      .configureLogging(signalR.LogLevel.Warning)
      .build();
    connection.on('VotesChanged', (id, voters) => {
      if (id !== decisionId) return;
      showVoters(voters);
      refreshCount();
    });
    // Not while the page is being left: a reload would cancel the navigation under way (often to this very page, which closed it).
    connection.on('DecisionClosed', id => { if (id === decisionId && !leaving) location.reload(); });
    // A new connection after a drop listens to nothing yet, and votes may have come in meanwhile.
    connection.onreconnected(async () => {
      showVoters(await connection.invoke('Watch', decisionId));
      refreshCount();
    });
    await connection.start();
    // Votes cast between drawing the page and listening would otherwise go unseen.
    if (showVoters(await connection.invoke('Watch', decisionId))) refreshCount();
  }

  function stop() {
    live?.connection?.stop();
    live = null;
  }

  // htmx swaps pages in place (hx-boost), so a page change is noticed here rather than by unloading.
  function sync() {
    const wanted = document.querySelector('[data-live-decision]')?.dataset.liveDecision ?? null;
    if ((live?.decisionId ?? null) === wanted) return;
    stop();
    if (!wanted) return;
    const watching = live = { decisionId: wanted, connection: null };
    // Live updates are an extra: if they fail, the page still works by reloading.
    watch(watching).catch(() => { if (live === watching) stop(); });
  }

  sync();
  document.addEventListener('htmx:afterSettle', sync);
  document.addEventListener('htmx:historyRestore', sync);
})();
