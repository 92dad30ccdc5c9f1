import type { Map as MlMap } from 'maplibre-gl';

/**
 * Keeps the cameras of several maps together (side-by-side comparison): moving one moves the
 * others. Each map is added once and removed on destroy; listeners are removed with it.
 */
export class CameraSync {
  private maps = new Map<MlMap, () => void>();
  private busy = false;

  /** Adds a map; it jumps to the camera of a map already in the group. Returns a function that removes it. */
  add(map: MlMap): () => void {
    const first = this.maps.keys().next().value as MlMap | undefined;
    if (first) map.jumpTo({ center: first.getCenter(), zoom: first.getZoom(), bearing: first.getBearing(), pitch: first.getPitch() });
    const onMove = () => {
      if (this.busy) return;
      this.busy = true;
      const camera = { center: map.getCenter(), zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() };
      for (const other of this.maps.keys()) if (other !== map) other.jumpTo(camera);
      this.busy = false;
    };
    map.on('move', onMove);
    this.maps.set(map, onMove);
    return () => {
      map.off('move', onMove);
      this.maps.delete(map);
    };
  }
}
