import type imageCompression from 'browser-image-compression';

/**
 * The mini-program has no use for browser-image-compression (WeChat's compressImage does the work),
 * so it must not be bundled there: Taro builds imageCompressionLib.h5.ts for H5, and this stand-in
 * everywhere else.
 */
export async function loadImageCompression(): Promise<typeof imageCompression> {
  throw new Error('browser-image-compression is for the H5 build');
}
