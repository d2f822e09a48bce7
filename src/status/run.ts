// The status run: read the staged versions; change nothing.
import { readInventory, type Inventory, type InventoryDeps } from './inventory.js';
import type { StatusSettings } from './settings.js';

export type StatusDeps = InventoryDeps;
export type StatusResult = Inventory & { now: string };

export async function runStatus(settings: StatusSettings, deps: StatusDeps): Promise<StatusResult> {
  const inventory = await readInventory(settings, deps);
  return { ...inventory, now: new Date().toISOString() };
}
