/** How evidence shows in grids and lists (pure: tested without a device). */

export interface ShownEvidence {
  kind: 'image' | 'document';
  url: string | null;
  thumbUrl?: string | null;
  size: number;
}

/** A photo with no thumbnail this small or smaller still shows itself in its tile. */
export const TILE_FULL_PHOTO_MAX_BYTES = 150 * 1024;

/**
 * What a tile shows for a piece of evidence: the photo's thumbnail; a photo without one only when it
 * is small (an old upload of a few MB shows a placeholder until it is opened); documents nothing.
 * The full `url` is for opening.
 */
export function tileImage(piece: ShownEvidence): string | null {
  if (piece.kind !== 'image') return null;
  if (piece.thumbUrl) return piece.thumbUrl;
  return piece.url && piece.size <= TILE_FULL_PHOTO_MAX_BYTES ? piece.url : null;
}

/** The full photos to swipe through when one is opened, and where the opened one is among them. */
export function viewerPhotos<T extends ShownEvidence & { id: string }>(
  evidence: T[],
  opened: T,
): { urls: string[]; current: string } | null {
  if (opened.kind !== 'image' || !opened.url) return null;
  const urls = evidence.filter((piece) => piece.kind === 'image' && piece.url).map((piece) => piece.url as string);
  return { urls, current: opened.url };
}
