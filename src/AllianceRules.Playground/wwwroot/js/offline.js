// Registers the offline cache (service-worker.published.js) once the page has loaded, so that
// caching never competes with the first evaluation. A browser without service workers, or a page
// opened from a file, simply has no offline copy.
if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  window.addEventListener('load', () => navigator.serviceWorker.register('service-worker.js', { updateViaCache: 'none' }));
}
