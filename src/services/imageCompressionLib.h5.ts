/**
 * H5: browser-image-compression, in a chunk of its own loaded with the first photo. (Taro builds
 * this file for H5 only; imageCompressionLib.ts stands in for it in the mini-program.)
 */
export async function loadImageCompression() {
  return (await import(/* webpackChunkName: "image-compression" */ 'browser-image-compression')).default;
}
