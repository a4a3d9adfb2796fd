// Live updates of the rapid response desk and incident pages where JavaScript is on. The server says only
// that an incident changed; the page fetches itself again and swaps in its live part (#desk). Without
// JavaScript, or if this fails, the page works the same by reloading. Listening counts as an open live
// page, so an alert to this person is shown here (with its answer link) and confirmed, like the live page does.
(() => {
  'use strict';
  let live = null; // { groupId, connection }
  let fetching = null, fetchAgain = false;
  // Someone filling in a form (a verification, an update) keeps what they chose and typed until they send it:
  // swapping in a fresh part would lose it, even once the focus has moved on to the button. The next page
  // brings a new part, so nothing has to be reset.
  const filledIn = new WeakSet();
  const noteFilling = event => { const desk = event.target.closest?.('#desk'); if (desk) filledIn.add(desk); };
  document.addEventListener('input', noteFilling);
  document.addEventListener('change', noteFilling);
  const mayReplace = desk => desk.isConnected && !filledIn.has(desk)
    && !(desk.contains(document.activeElement) && document.activeElement.matches('input, textarea, select'));

  // A change held back for someone's form is announced, so they know the page is behind.
  const holdBack = desk => {
    if (filledIn.has(desk)) document.querySelector('[data-desk-held]')?.removeAttribute('hidden');
  };

  async function refresh() {
    const current = document.getElementById('desk');
    if (!current) return;
    if (!mayReplace(current)) { fetchAgain = false; holdBack(current); return; }
    const response = await fetch(location.pathname + location.search, { credentials: 'same-origin' });
    if (!response.ok) return;
    const fresh = new DOMParser().parseFromString(await response.text(), 'text/html').getElementById('desk');
    if (!fresh) return;
    // Checked again: the person may have started filling in while the page was fetched.
    if (mayReplace(current)) current.replaceWith(document.adoptNode(fresh));
    else holdBack(current);
  }

  // Changes in quick succession cost one fetch in flight and at most one more after it.
  function changed() {
    if (fetching) { fetchAgain = true; return; }
    fetching = refresh().catch(() => {}).finally(() => {
      fetching = null;
      if (fetchAgain) { fetchAgain = false; changed(); }
    });
  }

  function showAlert(connection, alert) {
    const inbox = document.querySelector('[data-alert-inbox]');
    if (!inbox) return;
    const item = document.createElement('p');
    const link = document.createElement('a');
    link.href = alert.answerUrl;
    link.textContent = alert.text + (alert.zone ? ` (${alert.zone})` : '');
    item.append(link);
    inbox.prepend(item);
    inbox.hidden = false;
    connection.invoke('Received', alert.messageId).catch(() => {});
    changed();
  }

  async function watch(watching) {
    await window.plenumLoadSignalR();
    if (live !== watching) return;
    const connection = watching.connection = new signalR.HubConnectionBuilder()
      .withUrl('/hubs/alerts').withAutomaticReconnect().configureLogging(signalR.LogLevel.Warning).build();
    connection.on('DeskChanged', () => changed());
    connection.on('Alert', alert => showAlert(connection, alert));
    connection.onreconnected(async () => { await connection.invoke('Listen', watching.groupId); changed(); });
    await connection.start();
    await connection.invoke('Listen', watching.groupId);
    changed(); // anything that happened between drawing the page and listening
  }

  // htmx swaps pages in place (hx-boost), so a page change is noticed here rather than by unloading.
  function sync() {
    const wanted = document.querySelector('[data-alert-desk]')?.dataset.alertDesk ?? null;
    if ((live?.groupId ?? null) === wanted) return;
    live?.connection?.stop();
    live = wanted ? { groupId: wanted, connection: null } : null;
    if (live) watch(live).catch(() => {});
  }
  sync();
  document.addEventListener('htmx:afterSettle', sync);
  document.addEventListener('htmx:historyRestore', sync);
})();
