import { describe, expect, it } from 'vitest';
import { BackendUnavailableError, selectBackend, selectedBackend } from '../src/index.js';

describe('backend selection', () => {
  it('an unavailable forced backend throws a one-line error; auto picks wasm here and is then fixed', async () => {
    await expect(selectBackend('tensorflow')).rejects.toThrow(BackendUnavailableError);
    await expect(selectBackend('bogus' as 'auto')).rejects.toThrow(/unknown backend/);
    const info = await selectBackend('auto');
    expect(['wasm', 'tensorflow', 'cpu']).toContain(info.name);
    expect(selectedBackend()).toEqual(info);
    await expect(selectBackend('auto')).resolves.toEqual(info);
    await expect(selectBackend('cpu')).rejects.toThrow(/cannot switch/);
  });
});
