import { key, normal } from '@repro/concentration';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gemmBoundRatio } from '@repro/testkit';
import { describe, expect, it } from 'vitest';
import { dgemm, gemmInfo, gram, matmul, matrix, sgemm } from '../src/index.js';
// @ts-expect-error plain-JS build script without types
import { generate } from '../kernels/build.mjs';

const U = 2 ** -24; // float32 unit roundoff
const U64 = 2 ** -53;

function randF32(seed: number, len: number): Float32Array {
  return Float32Array.from(normal(key(seed), len));
}

function expectGemm(C: Float32Array, A: Float32Array, B: Float32Array, M: number, K: number, N: number, tA: boolean, tB: boolean): void {
  expect(gemmBoundRatio(C, A, B, { M, K, N, transA: tA, transB: tB, u: U })).toBeLessThanOrEqual(1);
}

describe('sgemm / dgemm (WebAssembly SIMD GEMM)', () => {
  it('is available on Node ≥ 20 and reports its build and threads', () => {
    const info = gemmInfo();
    expect(info).not.toBeNull();
    expect(['relaxed-simd', 'simd']).toContain(info?.kind);
    expect(info?.threads).toBeGreaterThanOrEqual(1);
  });

  it('matches a float64 reference within the dot-product error bound, every transpose, ragged sizes', () => {
    for (const [M, K, N] of [
      [1, 1, 1],
      [3, 5, 7],
      [37, 53, 29],
      [4, 256, 8],
      [129, 300, 70],
      [70, 513, 1031],
    ] as const) {
      for (const tA of [false, true]) {
        for (const tB of [false, true]) {
          const A = randF32(M * 7 + K, M * K);
          const B = randF32(N * 11 + K, K * N);
          expectGemm(sgemm(A, B, M, K, N, { transA: tA, transB: tB }), A, B, M, K, N, tA, tB);
        }
      }
    }
  });

  it('dgemm (float64) meets the float64 bound γ_K Σ|a||b| against a compensated reference, every transpose', () => {
    for (const [M, K, N] of [
      [1, 1, 1],
      [5, 3, 7],
      [37, 530, 29],
      [130, 257, 66],
    ] as const) {
      for (const tA of [false, true]) {
        for (const tB of [false, true]) {
          const A = normal(key(M + K), M * K);
          const B = normal(key(N + 3 * K), K * N);
          const C = dgemm(A, B, M, K, N, { transA: tA, transB: tB });
          // Reference: Neumaier-compensated sums, accurate to ~u·|c| (far inside the tested bound).
          const ref = new Float64Array(M * N);
          const abs = new Float64Array(M * N);
          for (let i = 0; i < M; i++)
            for (let j = 0; j < N; j++) {
              let s = 0;
              let c = 0;
              let a = 0;
              for (let k = 0; k < K; k++) {
                const p = (A[tA ? k * M + i : i * K + k] as number) * (B[tB ? j * K + k : k * N + j] as number);
                const t = s + p;
                c += Math.abs(s) >= Math.abs(p) ? s - t + p : p - t + s;
                s = t;
                a += Math.abs(p);
              }
              ref[i * N + j] = s + c;
              abs[i * N + j] = a;
            }
          const gamma = ((K + 2) * U64) / (1 - (K + 2) * U64); // +2: the products' own rounding and the reference's
          for (let i = 0; i < M * N; i++) expect(Math.abs((C[i] as number) - (ref[i] as number))).toBeLessThanOrEqual(gamma * (abs[i] as number));
        }
      }
    }
  });

  it('matmul and gram route large products to dgemm and agree with the TypeScript kernel to rounding', () => {
    const X = matrix(120, 90, normal(key(9), 120 * 90));
    const Y = matrix(90, 70, normal(key(10), 90 * 70));
    const big = matmul(X, Y);
    const G = gram(X);
    for (let i = 0; i < 120; i++) for (let j = 0; j < 120; j++) expect(G.data[i * 120 + j]).toBe(G.data[j * 120 + i]);
    let worst = 0;
    for (let i = 0; i < 120; i++)
      for (let j = 0; j < 70; j++) {
        let s = 0;
        let a = 0;
        for (let k = 0; k < 90; k++) {
          s += (X.data[i * 90 + k] as number) * (Y.data[k * 70 + j] as number);
          a += Math.abs((X.data[i * 90 + k] as number) * (Y.data[k * 70 + j] as number));
        }
        worst = Math.max(worst, Math.abs((big.data[i * 70 + j] as number) - s) / (2 * 92 * U64 * a));
      }
    expect(worst).toBeLessThanOrEqual(1);
  });

  it('gives bit-identical results for 1, 2 and 3 threads, split by columns and by rows', () => {
    for (const [M, K, N] of [
      [200, 300, 400],
      [400, 300, 40],
    ] as const) {
      const A = randF32(1, M * K);
      const B = randF32(2, K * N);
      const one = sgemm(A, B, M, K, N, { threads: 1 });
      expect(Buffer.from(sgemm(A, B, M, K, N, { threads: 2 }).buffer)).toEqual(Buffer.from(one.buffer));
      expect(Buffer.from(sgemm(A, B, M, K, N, { threads: 3 }).buffer)).toEqual(Buffer.from(one.buffer));
      const a64 = normal(key(3), M * K);
      const b64 = normal(key(4), K * N);
      const d1 = dgemm(a64, b64, M, K, N, { threads: 1 });
      expect(Buffer.from(dgemm(a64, b64, M, K, N, { threads: 2 }).buffer)).toEqual(Buffer.from(d1.buffer));
    }
  });

  it('handles empty dimensions, writes into `out`, rejects bad shapes', () => {
    expect(sgemm(new Float32Array(0), new Float32Array(0), 0, 0, 5)).toHaveLength(0);
    expect(Array.from(sgemm(new Float32Array(0), new Float32Array(0), 2, 0, 3))).toEqual([0, 0, 0, 0, 0, 0]);
    const out = new Float32Array(4).fill(9);
    sgemm(Float32Array.of(1, 2, 3, 4), Float32Array.of(1, 0, 0, 1), 2, 2, 2, { out });
    expect(Array.from(out)).toEqual([1, 2, 3, 4]);
    expect(() => sgemm(new Float32Array(3), new Float32Array(4), 2, 2, 2)).toThrow(/A has 3 entries/);
    expect(() => sgemm(new Float32Array(4), new Float32Array(4), 2, 2, 2.5)).toThrow(/non-negative integer/);
  });

  it('the plain-SIMD fallback build (REPRO_GEMM=simd) is correct too', () => {
    const code = `
      import { sgemm, gemmInfo } from './src/index.ts';
      const A = Float32Array.from({ length: 60 * 70 }, (_, i) => Math.sin(i));
      const B = Float32Array.from({ length: 70 * 50 }, (_, i) => Math.cos(i));
      const C = sgemm(A, B, 60, 70, 50);
      let err = 0;
      for (let i = 0; i < 60; i++) for (let j = 0; j < 50; j++) {
        let s = 0; for (let k = 0; k < 70; k++) s += A[i * 70 + k] * B[k * 50 + j];
        err = Math.max(err, Math.abs(s - C[i * 50 + j]));
      }
      console.log(JSON.stringify({ kind: gemmInfo().kind, err }));`;
    const out = execFileSync(process.execPath, ['--conditions=source', '--import', 'tsx', '--input-type=module', '-e', code], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      env: { ...process.env, REPRO_GEMM: 'simd' },
      encoding: 'utf8',
    });
    const { kind, err } = JSON.parse(out.trim().split('\n').pop() as string) as { kind: string; err: number };
    expect(kind).toBe('simd');
    expect(err).toBeLessThan(70 * U * 70); // γ_K Σ|ab| with |a|,|b| ≤ 1
  });

  it('the committed generated kernels match their generator (kernels/build.mjs)', async () => {
    const committed = readFileSync(new URL('../src/wasm/kernels.generated.mjs', import.meta.url), 'utf8');
    expect(await generate()).toBe(committed);
  });
});
