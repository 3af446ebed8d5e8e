// Generator of the WebAssembly text of our float32 and float64 GEMMs (driver: src/wasm/gemm.mjs).
//
// GotoBLAS/BLIS layout: for each NC-column block of op(B) and KC-deep slice, pack the slice of op(B) into NR-wide strips
// (k-major, zero-padded); for each MC-row block of op(A) pack it into MR-row panels; then an MR×NR register-tiled micro
// kernel runs over every (panel, strip) pair. The first K slice stores C, later slices add to it, so the order in which
// every C entry is summed depends only on K and KC — never on the thread split or the position of the tile — and the
// result is bit-identical for any number of threads.
//
// Register tile MR×NR = 4×8 floats or 4×4 doubles (eight v128 accumulators): measured on the 2-core EPYC reference box,
// 6×8 and 4×12 (f32) spill registers in V8 and run at half speed. With relaxed SIMD the multiply-add is
// f32x4/f64x2.relaxed_madd (an FMA where the CPU has one); the plain-SIMD variant (mul + add) is the fallback for engines
// without relaxed SIMD.
//
// op(A)[i, k] = A[i*sAi + k*sAk] and op(B)[k, j] = B[k*sBk + j*sBj] (element strides), so transposes cost nothing.
export const MR = 4;
export const NR = { f32: 8, f64: 4 };

/** One precision's functions ($micro_T, $packA_T, $packB_T and the exported T `gemm`), T = f32 | f64. */
function gemmFuncs(T, relaxed) {
  const NR_ = NR[T];
  const E = T === 'f32' ? 4 : 8; // bytes per element
  const SH = T === 'f32' ? 2 : 3; // log2 E
  const V = T === 'f32' ? 'f32x4' : 'f64x2';
  const SPLAT = T === 'f32' ? 'v128.load32_splat' : 'v128.load64_splat';
  const NV = (NR_ * E) / 16;
  const madd = (a, b, c) => (relaxed ? `(${V}.relaxed_madd ${a} ${b} ${c})` : `(${V}.add (${V}.mul ${a} ${b}) ${c})`);
  const L = [];
  const acc = [];
  for (let r = 0; r < MR; r++) for (let v = 0; v < NV; v++) acc.push(`$c${r}_${v}`);
  // micro kernel: acc[r][v] = Σ_k pa[k*MR + r] · pb[k*NR + v*lanes ..]
  L.push(`(func $micro_${T} (param $kc i32) (param $pa i32) (param $pb i32) (param $cp i32) (param $ldc i32) (param $first i32)`);
  L.push(`  ${acc.map((c) => `(local ${c} v128)`).join(' ')} ${Array.from({ length: NV }, (_, v) => `(local $b${v} v128)`).join(' ')} (local $a v128)`);
  L.push(`  (block $done (br_if $done (i32.eqz (local.get $kc)))`);
  L.push(`  (loop $k`);
  for (let v = 0; v < NV; v++) L.push(`    (local.set $b${v} (v128.load offset=${16 * v} (local.get $pb)))`);
  for (let r = 0; r < MR; r++) {
    L.push(`    (local.set $a (${SPLAT} offset=${E * r} (local.get $pa)))`);
    for (let v = 0; v < NV; v++) L.push(`    (local.set $c${r}_${v} ${madd('(local.get $a)', `(local.get $b${v})`, `(local.get $c${r}_${v})`)})`);
  }
  L.push(`    (local.set $pa (i32.add (local.get $pa) (i32.const ${E * MR})))`);
  L.push(`    (local.set $pb (i32.add (local.get $pb) (i32.const ${E * NR_})))`);
  L.push(`    (br_if $k (local.tee $kc (i32.sub (local.get $kc) (i32.const 1))))))`);
  // store: row r at cp + r*ldc*4
  for (let r = 0; r < MR; r++) {
    const rowp = `(i32.add (local.get $cp) (i32.mul (i32.const ${E * r}) (local.get $ldc)))`;
    for (let v = 0; v < NV; v++) {
      L.push(`  (if (local.get $first) (then (v128.store offset=${16 * v} ${rowp} (local.get $c${r}_${v})))`);
      L.push(`    (else (v128.store offset=${16 * v} ${rowp} (${V}.add (v128.load offset=${16 * v} ${rowp}) (local.get $c${r}_${v})))))`);
    }
  }
  L.push(`)`);
  return `${L.join('\n  ')}
  ;; Pack rows i0..i0+mc of op(A), columns k0..k0+kc, into MR-row panels (k-major), zero-padded.
  (func $packA_${T} (param $A i32) (param $sAi i32) (param $sAk i32) (param $i0 i32) (param $k0 i32) (param $mc i32) (param $kc i32) (param $dst i32)
    (local $p i32) (local $r i32) (local $k i32) (local $i i32) (local $src i32)
    (local.set $p (i32.const 0))
    (block $pe (loop $pl (br_if $pe (i32.ge_u (local.get $p) (local.get $mc)))
      (local.set $r (i32.const 0))
      (loop $rl
        (local.set $i (i32.add (local.get $p) (local.get $r)))
        (if (i32.lt_u (local.get $i) (local.get $mc))
          (then
            (local.set $src (i32.add (local.get $A) (i32.shl (i32.add (i32.mul (i32.add (local.get $i0) (local.get $i)) (local.get $sAi)) (i32.mul (local.get $k0) (local.get $sAk))) (i32.const ${SH}))))
            (local.set $k (i32.const 0))
            (loop $kl
              (${T}.store (i32.add (local.get $dst) (i32.shl (i32.add (i32.mul (local.get $k) (i32.const ${MR})) (local.get $r)) (i32.const ${SH}))) (${T}.load (local.get $src)))
              (local.set $src (i32.add (local.get $src) (i32.shl (local.get $sAk) (i32.const ${SH}))))
              (br_if $kl (i32.lt_u (local.tee $k (i32.add (local.get $k) (i32.const 1))) (local.get $kc)))))
          (else
            (local.set $k (i32.const 0))
            (loop $kz
              (${T}.store (i32.add (local.get $dst) (i32.shl (i32.add (i32.mul (local.get $k) (i32.const ${MR})) (local.get $r)) (i32.const ${SH}))) (${T}.const 0))
              (br_if $kz (i32.lt_u (local.tee $k (i32.add (local.get $k) (i32.const 1))) (local.get $kc))))))
        (br_if $rl (i32.lt_u (local.tee $r (i32.add (local.get $r) (i32.const 1))) (i32.const ${MR}))))
      (local.set $dst (i32.add (local.get $dst) (i32.mul (local.get $kc) (i32.const ${E * MR}))))
      (local.set $p (i32.add (local.get $p) (i32.const ${MR})))
      (br $pl))))
  ;; Pack rows k0..k0+kc, columns j0..j0+nc of op(B) into NR-column strips (k-major), zero-padded.
  (func $packB_${T} (param $B i32) (param $sBk i32) (param $sBj i32) (param $k0 i32) (param $j0 i32) (param $kc i32) (param $nc i32) (param $dst i32)
    (local $s i32) (local $c i32) (local $k i32) (local $j i32) (local $src i32)
    (local.set $s (i32.const 0))
    (block $se (loop $sl (br_if $se (i32.ge_u (local.get $s) (local.get $nc)))
      (local.set $c (i32.const 0))
      (loop $cl
        (local.set $j (i32.add (local.get $s) (local.get $c)))
        (if (i32.lt_u (local.get $j) (local.get $nc))
          (then
            (local.set $src (i32.add (local.get $B) (i32.shl (i32.add (i32.mul (local.get $k0) (local.get $sBk)) (i32.mul (i32.add (local.get $j0) (local.get $j)) (local.get $sBj))) (i32.const ${SH}))))
            (local.set $k (i32.const 0))
            (loop $kl
              (${T}.store (i32.add (local.get $dst) (i32.shl (i32.add (i32.mul (local.get $k) (i32.const ${NR_})) (local.get $c)) (i32.const ${SH}))) (${T}.load (local.get $src)))
              (local.set $src (i32.add (local.get $src) (i32.shl (local.get $sBk) (i32.const ${SH}))))
              (br_if $kl (i32.lt_u (local.tee $k (i32.add (local.get $k) (i32.const 1))) (local.get $kc)))))
          (else
            (local.set $k (i32.const 0))
            (loop $kz
              (${T}.store (i32.add (local.get $dst) (i32.shl (i32.add (i32.mul (local.get $k) (i32.const ${NR_})) (local.get $c)) (i32.const ${SH}))) (${T}.const 0))
              (br_if $kz (i32.lt_u (local.tee $k (i32.add (local.get $k) (i32.const 1))) (local.get $kc))))))
        (br_if $cl (i32.lt_u (local.tee $c (i32.add (local.get $c) (i32.const 1))) (i32.const ${NR_}))))
      (local.set $dst (i32.add (local.get $dst) (i32.mul (local.get $kc) (i32.const ${E * NR_}))))
      (local.set $s (i32.add (local.get $s) (i32.const ${NR_})))
      (br $sl))))
  ;; C[i, j] for i < M, j0 <= j < j1 := Σ_k op(A)[i,k] op(B)[k,j]. op(A)[i,k] = A[i*sAi + k*sAk] (elements), likewise B.
  ;; ws: workspace of MC*KC + KC*NC elements + one MR×NR tile. Block sizes are parameters (mc multiple of MR, nc of NR).
  (func (export "${T === 'f32' ? 'sgemm' : 'dgemm'}") (param $M i32) (param $K i32) (param $A i32) (param $sAi i32) (param $sAk i32)
      (param $B i32) (param $sBk i32) (param $sBj i32) (param $C i32) (param $ldc i32) (param $j0 i32) (param $j1 i32)
      (param $ws i32) (param $MC i32) (param $KC i32) (param $NC i32)
    (local $jc i32) (local $nc i32) (local $pc i32) (local $kc i32) (local $ic i32) (local $mc i32) (local $jr i32) (local $ir i32)
    (local $pa i32) (local $pb i32) (local $tile i32) (local $first i32) (local $nr i32) (local $mr i32) (local $cp i32) (local $x i32) (local $y i32)
    (local.set $pa (local.get $ws))
    (local.set $pb (i32.add (local.get $ws) (i32.shl (i32.mul (local.get $MC) (local.get $KC)) (i32.const ${SH}))))
    (local.set $tile (i32.add (local.get $pb) (i32.shl (i32.mul (local.get $KC) (local.get $NC)) (i32.const ${SH}))))
    (local.set $jc (local.get $j0))
    (block $je (loop $jl (br_if $je (i32.ge_u (local.get $jc) (local.get $j1)))
      (local.set $nc (select (local.get $NC) (i32.sub (local.get $j1) (local.get $jc)) (i32.lt_u (local.get $NC) (i32.sub (local.get $j1) (local.get $jc)))))
      (local.set $pc (i32.const 0))
      (block $pe (loop $pl (br_if $pe (i32.ge_u (local.get $pc) (local.get $K)))
        (local.set $kc (select (local.get $KC) (i32.sub (local.get $K) (local.get $pc)) (i32.lt_u (local.get $KC) (i32.sub (local.get $K) (local.get $pc)))))
        (local.set $first (i32.eqz (local.get $pc)))
        (call $packB_${T} (local.get $B) (local.get $sBk) (local.get $sBj) (local.get $pc) (local.get $jc) (local.get $kc) (local.get $nc) (local.get $pb))
        (local.set $ic (i32.const 0))
        (block $ie (loop $il (br_if $ie (i32.ge_u (local.get $ic) (local.get $M)))
          (local.set $mc (select (local.get $MC) (i32.sub (local.get $M) (local.get $ic)) (i32.lt_u (local.get $MC) (i32.sub (local.get $M) (local.get $ic)))))
          (call $packA_${T} (local.get $A) (local.get $sAi) (local.get $sAk) (local.get $ic) (local.get $pc) (local.get $mc) (local.get $kc) (local.get $pa))
          (local.set $jr (i32.const 0))
          (block $jre (loop $jrl (br_if $jre (i32.ge_u (local.get $jr) (local.get $nc)))
            (local.set $nr (i32.sub (local.get $nc) (local.get $jr)))
            (local.set $ir (i32.const 0))
            (block $ire (loop $irl (br_if $ire (i32.ge_u (local.get $ir) (local.get $mc)))
              (local.set $mr (i32.sub (local.get $mc) (local.get $ir)))
              (local.set $cp (i32.add (local.get $C) (i32.shl (i32.add (i32.mul (i32.add (local.get $ic) (local.get $ir)) (local.get $ldc)) (i32.add (local.get $jc) (local.get $jr))) (i32.const ${SH}))))
              (if (i32.and (i32.ge_u (local.get $mr) (i32.const ${MR})) (i32.ge_u (local.get $nr) (i32.const ${NR_})))
                (then (call $micro_${T} (local.get $kc) (i32.add (local.get $pa) (i32.shl (i32.mul (local.get $ir) (local.get $kc)) (i32.const ${SH})))
                        (i32.add (local.get $pb) (i32.shl (i32.mul (local.get $jr) (local.get $kc)) (i32.const ${SH}))) (local.get $cp) (local.get $ldc) (local.get $first)))
                (else
                  (call $micro_${T} (local.get $kc) (i32.add (local.get $pa) (i32.shl (i32.mul (local.get $ir) (local.get $kc)) (i32.const ${SH})))
                        (i32.add (local.get $pb) (i32.shl (i32.mul (local.get $jr) (local.get $kc)) (i32.const ${SH}))) (local.get $tile) (i32.const ${NR_}) (i32.const 1))
                  (if (i32.gt_u (local.get $mr) (i32.const ${MR})) (then (local.set $mr (i32.const ${MR}))))
                  (if (i32.gt_u (local.get $nr) (i32.const ${NR_})) (then (local.set $nr (i32.const ${NR_}))))
                  (local.set $y (i32.const 0))
                  (loop $yl
                    (local.set $x (i32.const 0))
                    (loop $xl
                      (if (local.get $first)
                        (then (${T}.store (i32.add (local.get $cp) (i32.shl (i32.add (i32.mul (local.get $y) (local.get $ldc)) (local.get $x)) (i32.const ${SH})))
                                (${T}.load (i32.add (local.get $tile) (i32.shl (i32.add (i32.mul (local.get $y) (i32.const ${NR_})) (local.get $x)) (i32.const ${SH}))))))
                        (else (${T}.store (i32.add (local.get $cp) (i32.shl (i32.add (i32.mul (local.get $y) (local.get $ldc)) (local.get $x)) (i32.const ${SH})))
                                (${T}.add (${T}.load (i32.add (local.get $cp) (i32.shl (i32.add (i32.mul (local.get $y) (local.get $ldc)) (local.get $x)) (i32.const ${SH}))))
                                  (${T}.load (i32.add (local.get $tile) (i32.shl (i32.add (i32.mul (local.get $y) (i32.const ${NR_})) (local.get $x)) (i32.const ${SH}))))))))
                      (br_if $xl (i32.lt_u (local.tee $x (i32.add (local.get $x) (i32.const 1))) (local.get $nr))))
                    (br_if $yl (i32.lt_u (local.tee $y (i32.add (local.get $y) (i32.const 1))) (local.get $mr))))
                  (local.set $nr (i32.sub (local.get $nc) (local.get $jr)))))
              (local.set $ir (i32.add (local.get $ir) (i32.const ${MR})))
              (br $irl)))
            (local.set $jr (i32.add (local.get $jr) (i32.const ${NR_})))
            (br $jrl)))
          (local.set $ic (i32.add (local.get $ic) (local.get $MC)))
          (br $il)))
        (local.set $pc (i32.add (local.get $pc) (local.get $KC)))
        (br $pl)))
      (local.set $jc (i32.add (local.get $jc) (local.get $NC)))
      (br $jl))))`;
}

/** The module: both precisions on one imported shared memory. */
export function gemmWat({ relaxed = true } = {}) {
  return `(module
  (import "env" "memory" (memory 1 65536 shared))
  ${gemmFuncs('f32', relaxed)}
  ${gemmFuncs('f64', relaxed)}
)`;
}
