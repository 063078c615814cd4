// Offline support (docs/teaching.md): once the page has loaded, every file of the published site
// is in the browser's cache, so the playground opens again, and works, with no network.
// service-worker-assets.js is written by `dotnet publish`: each file's URL and hash.
self.importScripts('./service-worker-assets.js');

const prefix = 'alliance-playground-';
const cacheName = prefix + self.assetsManifest.version;
// The folder this worker was served from is the site's root, wherever the site is hosted.
const root = new URL('./', self.location).href;

self.addEventListener('install', event => event.waitUntil(
  caches.open(cacheName).then(cache => cache.addAll(self.assetsManifest.assets
    .filter(asset => !asset.url.endsWith('service-worker.js'))
    .map(asset => new Request(new URL(asset.url, root).href, { integrity: asset.hash, cache: 'no-cache' }))))));

self.addEventListener('activate', event => event.waitUntil(
  caches.keys().then(keys => Promise.all(keys
    .filter(key => key.startsWith(prefix) && key !== cacheName)
    .map(key => caches.delete(key))))));

self.addEventListener('fetch', event => {
  if (event.request.method !== 'GET') return;
  // A visit to the page, with any link in its fragment, is answered by the cached index.html.
  const wanted = event.request.mode === 'navigate' ? new URL('index.html', root).href : event.request;
  event.respondWith(caches.open(cacheName)
    .then(cache => cache.match(wanted))
    .then(cached => cached || fetch(event.request)));
});
