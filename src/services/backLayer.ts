import { IS_H5 } from './platform';

/**
 * What the phone's back closes before it leaves the page — the full-screen photo viewer, a sheet, a
 * chooser. H5: each open layer adds a history entry on the same address; back pops it, and the layer
 * closes instead of the page. The `popstate` is caught first (a capture listener on window, added
 * before Taro's router adds its own) and kept from the router, which would otherwise unload the page.
 * WeChat: the page's one BackCatcher (a `page-container`) shows while a layer is open, and the back
 * gesture, the Android back key or the title bar's arrow closes it instead of the page; it then
 * calls takeBack(). (The native photo viewer closes by itself.)
 */

interface Layer {
  id: number;
  onBack: () => void;
}

const MARK = '__backLayer';
const layers: Layer[] = [];
const popWaiters: Array<() => void> = [];
let ours = 0;
let nextId = 1;
let installed = false;
const listeners = new Set<(open: number) => void>();

function changed(): void {
  for (const listener of [...listeners]) listener(layers.length);
}

/** Calls `listener` with the number of open layers each time it changes; returns the way to stop. */
export function onLayersChange(listener: (open: number) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Back was pressed with a layer open (WeChat's page-container left): the top layer closes. */
export function takeBack(): boolean {
  const top = layers.pop();
  if (!top) return false;
  changed();
  top.onBack();
  return true;
}

function markOf(state: unknown): number | undefined {
  const value = (state as Record<string, unknown> | null)?.[MARK];
  return typeof value === 'number' ? value : undefined;
}

function onPopState(event: PopStateEvent): void {
  if (ours > 0) {
    // The pop of an entry we removed ourselves (a layer closed by a tap).
    ours -= 1;
    event.stopImmediatePropagation();
    popWaiters.shift()?.();
    return;
  }
  const top = layers[layers.length - 1];
  const mark = markOf(event.state);
  if (top && mark !== top.id) {
    event.stopImmediatePropagation();
    takeBack();
    return;
  }
  if (!top && mark !== undefined) {
    // Forward onto the entry of a layer that is closed: step back over it.
    event.stopImmediatePropagation();
    ours += 1;
    window.history.back();
  }
}

/** Called once when the app loads, before the router starts listening. */
export function installBackLayers(): void {
  if (!IS_H5 || installed || typeof window === 'undefined') return;
  installed = true;
  window.addEventListener('popstate', onPopState, true);
}

/** Opens a layer: back now calls `onBack` (once) instead of leaving the page. */
export function openLayer(onBack: () => void): number {
  installBackLayers();
  const id = nextId++;
  layers.push({ id, onBack });
  changed();
  if (!IS_H5) return id;
  const state = (window.history.state as Record<string, unknown> | null) ?? {};
  window.history.pushState({ ...state, [MARK]: id }, '', window.location.href);
  return id;
}

/** A layer closed by the page (a tap on 关闭): its history entry goes too. Resolves once it has. */
export function closeLayer(id: number): Promise<void> {
  const index = layers.findIndex((layer) => layer.id === id);
  if (index < 0) return Promise.resolve();
  layers.splice(index, 1);
  changed();
  if (!IS_H5 || markOf(window.history.state) !== id) return Promise.resolve();
  return new Promise((resolve) => {
    popWaiters.push(resolve);
    ours += 1;
    window.history.back();
    // Should the browser not answer (no pop event), do not hold the caller.
    setTimeout(resolve, 600);
  });
}

/** Whether a layer is open (a page can wait before it navigates). */
export function hasOpenLayer(): boolean {
  return layers.length > 0;
}

/**
 * Resolves once the history entries of layers just closed are gone (give React a moment to unmount
 * them first): a page that closes a sheet and then navigates waits for this, so that the new page
 * is not pushed before the sheet's entry is popped.
 */
export function afterLayersClosed(): Promise<void> {
  const deadline = Date.now() + 800;
  return new Promise((resolve) => {
    const check = () => (ours === 0 || Date.now() > deadline ? resolve() : setTimeout(check, 30));
    setTimeout(check, 50);
  });
}
