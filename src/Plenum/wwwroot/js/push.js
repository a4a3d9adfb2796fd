// Turns push on for this browser from the notifications page: registers Plenum's own service worker
// (/push-worker.js), subscribes with this instance's public key and posts the subscription through
// the page's form, antiforgery token included. Without JavaScript none of this runs, and the page says so.
(() => {
  'use strict';
  const form = document.getElementById('push-subscribe');
  // htmx runs this again after each in-place page change; bind each form once.
  if (!form || form.dataset.bound) return;
  form.dataset.bound = 'true';
  const status = document.getElementById('push-status');
  document.getElementById('push-needs-javascript').hidden = true;
  if (!('serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window)) {
    status.textContent = 'This browser does not offer push notifications.';
    return;
  }
  form.hidden = false;

  function serverKey() {
    const base64 = form.dataset.vapidKey.replace(/-/g, '+').replace(/_/g, '/');
    return Uint8Array.from(atob(base64 + '='.repeat((4 - base64.length % 4) % 4)), c => c.charCodeAt(0));
  }

  async function subscribe(registration) {
    const options = { userVisibleOnly: true, applicationServerKey: serverKey() };
    try {
      return await registration.pushManager.subscribe(options);
    } catch (error) {
      // A subscription made under an earlier key of this instance must go before a new one is made.
      const earlier = await registration.pushManager.getSubscription();
      if (!earlier) throw error;
      await earlier.unsubscribe();
      return await registration.pushManager.subscribe(options);
    }
  }

  form.querySelector('button').addEventListener('click', async () => {
    status.textContent = 'Asking this browser…';
    try {
      if (await Notification.requestPermission() !== 'granted') {
        status.textContent = 'This browser does not allow notifications from Plenum. You can allow them in its settings for this site.';
        return;
      }
      await navigator.serviceWorker.register('/push-worker.js');
      const subscription = (await subscribe(await navigator.serviceWorker.ready)).toJSON();
      form.elements.Endpoint.value = subscription.endpoint;
      form.elements.P256dh.value = subscription.keys.p256dh;
      form.elements.Auth.value = subscription.keys.auth;
      form.submit();
    } catch {
      status.textContent = 'Push could not be turned on in this browser.';
    }
  });
})();
