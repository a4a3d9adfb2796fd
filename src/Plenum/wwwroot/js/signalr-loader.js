// Fetches the vendored SignalR client once, only when a page that listens live needs it: most pages never do,
// and a phone on a slow link should not download it for them. The live-*.js scripts share it.
(() => {
  'use strict';
  let loading = null;
  window.plenumLoadSignalR = () => {
    if (window.signalR) return Promise.resolve();
    loading ??= new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = '/lib/signalr/signalr.min.js?v=10.0.11';
      script.onload = resolve;
      script.onerror = () => { loading = null; reject(); };
      document.head.append(script);
    });
    return loading;
  };
})();
