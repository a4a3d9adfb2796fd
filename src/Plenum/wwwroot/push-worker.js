// Plenum's service worker: shows pushed notices and opens their page when one is tapped. It handles
// nothing else (no caching), so pages behave exactly as they do without it. The one request it makes is
// an alert's receipt, to this same site, so the dispatchers know the alert reached the phone.
self.addEventListener('push', event => {
  const notice = event.data ? event.data.json() : { group: 'Plenum', text: 'Something happened in one of your groups.', url: '/notifications' };
  const body = notice.text.charAt(0).toUpperCase() + notice.text.slice(1);
  const options = { body, tag: notice.url, data: { url: notice.url } };
  if (notice.urgent) {
    options.requireInteraction = true;
    options.vibrate = [400, 200, 400, 200, 400];
  }
  const shown = self.registration.showNotification(notice.group, options);
  event.waitUntil(notice.receipt ? shown.then(() => sendReceipt(notice.receipt)) : shown);
});

function sendReceipt(path) {
  const target = new URL(path, self.location.origin);
  if (target.origin !== self.location.origin) return Promise.resolve();
  return fetch(target.href, { method: 'POST', credentials: 'omit' }).catch(() => {});
}

self.addEventListener('notificationclick', event => {
  event.notification.close();
  const target = new URL(event.notification.data.url, self.location.origin);
  if (target.origin === self.location.origin) event.waitUntil(self.clients.openWindow(target.href));
});
