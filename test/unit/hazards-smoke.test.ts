import { describe, expect, it } from '@jest/globals';
import { analyzeFiles } from '../../src/hazards/index.js';

describe('smoke', () => {
  it('runs', () => {
    const pvc = (size: string) => `---\n# c\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\n  namespace: db\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: ${size}\n`;
    const r = analyzeFiles([{ path: 'a.yaml', before: pvc('10Gi'), after: pvc('20Gi') }, { path: 'b.yaml', before: pvc('1Gi').replace('data', 'gone') }]);
    console.log(JSON.stringify(r, null, 1));
  });
});
