import { createHash } from 'crypto';
import { readFileSync, statSync } from 'fs';
import type { ServerResponse } from 'http';
import { join } from 'path';

/**
 * The headers every reply of the local cloud carries: no framing (clickjacking), no referrer (the
 * signed /files/ links must not leak to other sites), no sniffing, and a Content-Security-Policy
 * the H5 app works under.
 *
 * What the H5 build needs, and why each source is there:
 * - script-src: its own bundles, and the one inline script of index.html (Taro's rem setup),
 *   allowed by its hash, read from the build served (never 'unsafe-inline' or 'unsafe-eval');
 * - style-src 'unsafe-inline': React style props, Taro's runtime and the file picker set inline
 *   styles (style attributes and <style> elements); styles cannot run code;
 * - img-src blob: (previews of picked photos: URL.createObjectURL) and data: (QR codes as SVG data
 *   URLs); evidence comes from /files/ on the same origin;
 * - connect-src blob: (an H5 upload reads the picked file back through its blob: URL);
 * - worker-src blob: (photos are compressed in a worker that browser-image-compression starts from a
 *   blob: URL; the library it loads there comes from the app itself, under script-src).
 */
export function appPolicy(inlineScriptHashes: readonly string[]): string {
  return [
    "default-src 'self'",
    `script-src 'self'${inlineScriptHashes.map((hash) => ` 'sha256-${hash}'`).join('')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "connect-src 'self' blob:",
    "worker-src 'self' blob:",
    "font-src 'self' data:",
    "media-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Served files (photos, PDFs, Office documents, checked by content and sent with their own type)
 * open in the browser's own viewers, which a page policy would break: they only refuse framing.
 */
export const FILE_POLICY = "frame-ancestors 'none'";

/** The sha256 (base64) of each inline <script> of an HTML page, as CSP hashes them. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    if (/\bsrc\s*=/i.test(match[1])) continue;
    hashes.push(createHash('sha256').update(match[2], 'utf8').digest('base64'));
  }
  return hashes;
}

/** The app's policy for the build in `staticRoot`, worked out again whenever its index.html changes. */
export class AppSecurityPolicy {
  private cached: { key: string; policy: string } | null = null;

  constructor(private readonly staticRoot?: string) {}

  header(): string {
    if (!this.staticRoot) return appPolicy([]);
    const index = join(this.staticRoot, 'index.html');
    try {
      const info = statSync(index);
      const key = `${info.mtimeMs}:${info.size}`;
      if (this.cached?.key !== key) {
        this.cached = { key, policy: appPolicy(inlineScriptHashes(readFileSync(index, 'utf8'))) };
      }
      return this.cached.policy;
    } catch {
      return appPolicy([]);
    }
  }
}

/** Sets the headers on a reply before anything else writes it (writeHead merges them). */
export function setSecurityHeaders(response: ServerResponse, isFile: boolean, policy: AppSecurityPolicy): void {
  response.setHeader('Content-Security-Policy', isFile ? FILE_POLICY : policy.header());
  response.setHeader('X-Frame-Options', 'DENY');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('X-Content-Type-Options', 'nosniff');
  // Evidence is for this app's pages: other sites may not embed it, even with a leaked link.
  if (isFile) response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}
