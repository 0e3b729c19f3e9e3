import { HEAP_GROWING_PERCENT, heapGrowthFlag } from './heap-growth';

describe('bounding the heap’s growth', () => {
  it('asks V8 to collect before the heap is twice what is live', () => {
    expect(HEAP_GROWING_PERCENT).toBe(100);
    expect(heapGrowthFlag(['--enable-source-maps'])).toBe('--heap-growing-percent=100');
  });

  it('leaves the choice of an operator who started Node with the flag alone', () => {
    expect(heapGrowthFlag(['--heap-growing-percent=40'])).toBeNull();
    expect(heapGrowthFlag(['--heap_growing_percent=40'])).toBeNull();
  });
});
