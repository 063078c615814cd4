// While developing (dotnet run) the page is always fetched afresh: no offline cache.
self.addEventListener('fetch', () => { });
