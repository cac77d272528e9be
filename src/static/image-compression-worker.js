/*
 * The photo compressor's worker: browser-image-compression, run off the main thread so that an old
 * phone stays responsive while a 12-megapixel photo is made small. It is served from the app's own
 * origin (copied by config/index.ts), which the Content-Security-Policy's script-src 'self' allows;
 * the library's own worker is made from a blob: URL, which it does not.
 * Messages: { id, file, options } in; { id, file } or { id, error } out.
 */
/* eslint-disable */
self.importScripts('/static/vendor/browser-image-compression-2.0.2.js');

self.addEventListener('message', function (event) {
  var data = event.data || {};
  var options = Object.assign({}, data.options, { useWebWorker: false });
  self.imageCompression(data.file, options).then(
    function (file) {
      self.postMessage({ id: data.id, file: file });
    },
    function (error) {
      self.postMessage({ id: data.id, error: String((error && error.message) || error) });
    },
  );
});
