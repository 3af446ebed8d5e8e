import { key, normal } from '@repro/concentration';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { gemmBoundRatio } from '@repro/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { dgemm, gemmInfo, setGemmKernel, sgemm } from '../src/index.js';
import { NATIVE_MIN_WORK } from '../src/wasm/gemm.mjs';
import { loadNative } from '../src/native/gemm-native.mjs';
import { gemmModel, ONNX_DOUBLE, ONNX_FLOAT } from '../src/native/onnx-model.mjs';

const U = 2 ** -24;
const U64 = 2 ** -53;
const native = loadNative('cpu');
const cwd = fileURLToPath(new URL('..', import.meta.url));

function randF32(seed: number, len: number): Float32Array {
  return Float32Array.from(normal(key(seed), len));
}

function same(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  return a.length === b.length && Buffer.compare(Buffer.from(new Float64Array(Array.from(a)).buffer), Buffer.from(new Float64Array(Array.from(b)).buffer)) === 0;
}

/** Run `code` (ESM, with @repro/linalg's source importable as ./src/index.ts) in a fresh Node with `env`; its last line as JSON. */
function child(code: string, env: Record<string, string>): unknown {
  const out = execFileSync(process.execPath, ['--conditions=source', '--import', 'tsx', '--input-type=module', '-e', code], {
    cwd,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return JSON.parse(out.trim().split('\n').pop() as string);
}

afterEach(() => setGemmKernel('auto'));

describe('native GEMM provider (onnxruntime-node)', () => {
  it('the ONNX model bytes are fixed: one node, symbolic dims, float and double', () => {
    const mm = gemmModel(ONNX_FLOAT);
    expect(Buffer.from(mm).toString('latin1')).toContain('MatMul');
    const g = gemmModel(ONNX_DOUBLE, { transA: true, transB: true });
    expect(Buffer.from(g).toString('latin1')).toContain('Gemm');
    expect(Buffer.from(g).toString('latin1')).toContain('transA');
    expect(Array.from(gemmModel(ONNX_FLOAT))).toEqual(Array.from(mm));
  });

  it.skipIf(!native.ok)('sgemm on the native kernel meets the float32 dot-product bound, every transpose, ragged sizes, views with offsets', () => {
    setGemmKernel('native');
    expect(gemmInfo()?.kernel).toBe('native');
    for (const [M, K, N] of [
      [1, 1, 1],
      [3, 5, 7],
      [37, 53, 29],
      [129, 300, 70],
    ] as const) {
      for (const tA of [false, true]) {
        for (const tB of [false, true]) {
          const A = randF32(M * 7 + K, M * K);
          const B = randF32(N * 11 + K, K * N);
          const C = sgemm(A, B, M, K, N, { transA: tA, transB: tB });
          expect(gemmBoundRatio(C, A, B, { M, K, N, transA: tA, transB: tB, u: U })).toBeLessThanOrEqual(1);
          // The same operands as views at an offset (the tfjs heap passes subarrays), output into a view: same bytes.
          const big = new Float32Array(M * K + K * N + 8);
          big.set(A, 3);
          big.set(B, 5 + M * K);
          const out = new Float32Array(M * N + 4).fill(7);
          sgemm(big.subarray(3, 3 + M * K), big.subarray(5 + M * K, 5 + M * K + K * N), M, K, N, { transA: tA, transB: tB, out: out.subarray(2, 2 + M * N) });
          expect(same(out.subarray(2, 2 + M * N), C)).toBe(true);
          expect([out[0], out[1], out[M * N + 2], out[M * N + 3]]).toEqual([7, 7, 7, 7]);
        }
      }
    }
  });

  it.skipIf(!native.ok)('dgemm on the native kernel meets the float64 bound; SharedArrayBuffer operands and output work', () => {
    setGemmKernel('native');
    for (const [M, K, N] of [
      [5, 3, 7],
      [37, 530, 29],
    ] as const) {
      for (const tA of [false, true]) {
        for (const tB of [false, true]) {
          const A = normal(key(M + K), M * K);
          const B = normal(key(N + 3 * K), K * N);
          const C = dgemm(A, B, M, K, N, { transA: tA, transB: tB });
          expect(gemmBoundRatio(C, A, B, { M, K, N, transA: tA, transB: tB, u: U64 })).toBeLessThanOrEqual(1);
          const As = new Float64Array(new SharedArrayBuffer(8 * M * K));
          As.set(A);
          const Cs = new Float64Array(new SharedArrayBuffer(8 * M * N));
          dgemm(As, B, M, K, N, { transA: tA, transB: tB, out: Cs });
          expect(same(Cs, C)).toBe(true);
        }
      }
    }
  });

  it.skipIf(!native.ok)('is deterministic: the same product on the same kernel and threads gives the same bytes', () => {
    setGemmKernel('native');
    const A = randF32(1, 300 * 200);
    const B = randF32(2, 200 * 250);
    const first = sgemm(A, B, 300, 200, 250);
    for (let r = 0; r < 3; r++) expect(same(sgemm(A, B, 300, 200, 250), first)).toBe(true);
    const a64 = normal(key(3), 200 * 150);
    const d1 = dgemm(a64, a64, 200, 150, 200, { transB: true, threads: 1 });
    expect(same(dgemm(a64, a64, 200, 150, 200, { transB: true, threads: 1 }), d1)).toBe(true);
  });

  it.skipIf(!native.ok)('auto sends products past the crossover to the native kernel and keeps smaller ones on WebAssembly', () => {
    const run = (mode: 'auto' | 'wasm' | 'native', M: number, K: number, N: number, A: Float64Array, B: Float64Array): Float64Array => {
      setGemmKernel(mode);
      return dgemm(A, B, M, K, N);
    };
    // Below: 40·40·40 = 64000 < 2^18; above: 40·40·1000 = 1.6·10^6 ≥ 2^18. The two kernels sum in different orders
    // (the WebAssembly one in K blocks of 256), so the bytes say which one ran (checked to differ at the large size).
    expect(40 ** 3).toBeLessThan(NATIVE_MIN_WORK.f64);
    expect(40 * 40 * 1000).toBeGreaterThanOrEqual(NATIVE_MIN_WORK.f64);
    const a = normal(key(5), 40 * 40);
    expect(same(run('auto', 40, 40, 40, a, a), run('wasm', 40, 40, 40, a, a))).toBe(true);
    const b = normal(key(6), 40 * 1000);
    const c = normal(key(7), 1000 * 40);
    const nat = run('native', 40, 1000, 40, b, c);
    const wasm = run('wasm', 40, 1000, 40, b, c);
    expect(same(nat, wasm)).toBe(false);
    expect(same(run('auto', 40, 1000, 40, b, c), nat)).toBe(true);
    setGemmKernel('auto');
    expect(gemmInfo()?.kernel).toBe('auto');
    expect(gemmInfo()?.label).toMatch(/^REPRO_GEMM=auto: onnxruntime-node \S+ \(cpu\) from 2\^19 \(f32\) \/ 2\^18 \(f64\)/);
  });

  it('REPRO_GEMM=wasm never loads onnxruntime-node; an unknown REPRO_GEMM is an error', () => {
    const r = child(
      `import { gemmInfo, sgemm } from './src/index.ts';
       import { createRequire } from 'node:module';
       sgemm(new Float32Array(100 * 100).fill(1), new Float32Array(100 * 100).fill(1), 100, 100, 100, { threads: 1 });
       const loaded = Object.keys(createRequire(import.meta.url).cache).some((k) => k.includes('onnxruntime'));
       console.log(JSON.stringify({ info: gemmInfo(), loaded }));`,
      { REPRO_GEMM: 'wasm' },
    ) as { info: { kernel: string; native: unknown; label: string }; loaded: boolean };
    expect(r.loaded).toBe(false);
    expect(r.info.kernel).toBe('wasm');
    expect(r.info.native).toBeNull();
    expect(r.info.label).toMatch(/^REPRO_GEMM=wasm: WebAssembly (relaxed-)?simd; \d+ threads?$/);
    expect(() => child(`import { sgemm } from './src/index.ts'; sgemm(Float32Array.of(1), Float32Array.of(1), 1, 1, 1); console.log('{}');`, { REPRO_GEMM: 'mkl' })).toThrow(/REPRO_GEMM='mkl' is not a GEMM kernel/);
  });

  it('where onnxruntime-node does not load: auto falls back to WebAssembly (same bytes as wasm), native is a clear error', () => {
    const code = `import { gemmInfo, sgemm, setGemmKernel } from './src/index.ts';
       const A = Float32Array.from({ length: 100 * 100 }, (_, i) => Math.sin(i));
       const auto = sgemm(A, A, 100, 100, 100, { threads: 1 });
       setGemmKernel('wasm');
       const wasm = sgemm(A, A, 100, 100, 100, { threads: 1 });
       setGemmKernel('auto');
       const info = gemmInfo();
       setGemmKernel('native');
       let error = '';
       try { sgemm(A, A, 100, 100, 100, { threads: 1 }); } catch (e) { error = e.message; }
       console.log(JSON.stringify({ same: Buffer.compare(Buffer.from(auto.buffer), Buffer.from(wasm.buffer)) === 0, info, error }));`;
    const r = child(code, { REPRO_GEMM: 'auto', REPRO_GEMM_NATIVE_MODULE: 'onnxruntime-node-missing-for-test' }) as {
      same: boolean;
      info: { kernel: string; native: unknown; nativeError: string; label: string };
      error: string;
    };
    expect(r.same).toBe(true);
    expect(r.info.kernel).toBe('wasm');
    expect(r.info.native).toBeNull();
    expect(r.info.nativeError).toMatch(/onnxruntime-node-missing-for-test/);
    expect(r.info.label).toMatch(/^REPRO_GEMM=auto: WebAssembly (relaxed-)?simd \(onnxruntime-node did not load: /);
    expect(r.error).toMatch(/^REPRO_GEMM=native: onnxruntime-node \(cpu\) did not load: /);
  });

  it.skipIf(!native.ok || loadNative('cuda').ok)('REPRO_GEMM=cuda without the CUDA binaries is an error that says how to install them (no GPU here)', () => {
    setGemmKernel('cuda');
    expect(() => sgemm(Float32Array.of(1), Float32Array.of(1), 1, 1, 1)).toThrow(/REPRO_GEMM=cuda: onnxruntime-node \(cuda\) did not load: .*ONNXRUNTIME_NODE_INSTALL=cuda12/);
    expect(gemmInfo()?.label).toMatch(/^REPRO_GEMM=cuda: unavailable: /);
  });
});
