import type { WorkspaceDefinition } from '../workspace';
import { NotBuiltYet } from '../../ui/NotBuiltYet';

function InventoryWorkspace() {
  return (
    <NotBuiltYet
      title="Inventory"
      plan="Import the asset inventories exported by the plant's passive sensors (Nozomi, Claroty, Armis, Defender for IoT, Tenable OT, Forescout, Dragos, Malcolm, GRASSMARLIN, any CSV/JSON), merged and undoable, in a table that stays fast at 100,000 assets."
    />
  );
}

export const inventoryWorkspace: WorkspaceDefinition = {
  id: 'inventory',
  label: 'Inventory',
  component: InventoryWorkspace,
};
