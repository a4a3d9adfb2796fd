// Plenum's service worker: shows pushed notices and opens their page when one is tapped. It handles
// nothing else (no caching, no requests), so pages behave exactly as they do without it.
self.addEventListener('push', event => {
  const notice = event.data ? event.data.json() : { group: 'Plenum', text: 'Something happened in one of your groups.', url: '/notifications' };
  const body = notice.text.charAt(0).toUpperCase() + notice.text.slice(1);
  event.waitUntil(self.registration.showNotification(notice.group, { body, tag: notice.url, data: { url: notice.url } }));
});

self.addEventListener('notificationclick', event => {
  event.notification.close();
  const target = new URL(event.notification.data.url, self.location.origin);
  if (target.origin === self.location.origin) event.waitUntil(self.clients.openWindow(target.href));
});
