// Generator of the WebAssembly text of Threefry-2x32-20 over i32x4 lanes: four consecutive counter blocks per step, the
// same integer arithmetic as src/prng.ts's threefry2x32 (so the words are identical; test/prng-wasm.test.ts checks it).
const ROT = [13, 15, 26, 6, 17, 29, 16, 24];
const PARITY = 0x1bd11bda;

export function threefryWat() {
  const L = [];
  const round = (s) => {
    L.push(`      (local.set $x0 (i32x4.add (local.get $x0) (local.get $x1)))`);
    L.push(`      (local.set $x1 (v128.xor (v128.or (i32x4.shl (local.get $x1) (i32.const ${s})) (i32x4.shr_u (local.get $x1) (i32.const ${32 - s}))) (local.get $x0)))`);
  };
  const ks = (i) => ['$ks0', '$ks1', '$ks2'][i % 3];
  for (let g = 0; g < 5; g++) {
    const r = (g & 1) * 4;
    for (let j = 0; j < 4; j++) round(ROT[r + j]);
    const inj = g + 1;
    L.push(`      (local.set $x0 (i32x4.add (local.get $x0) (local.get ${ks(inj)})))`);
    L.push(`      (local.set $x1 (i32x4.add (i32x4.add (local.get $x1) (local.get ${ks(inj + 1)})) (i32x4.splat (i32.const ${inj}))))`);
  }
  return `(module
  (memory (export "memory") 1)
  ;; Words of blocks b0 .. b0 + 4·nq − 1 under key (k0, k1) with second counter word c1, written from address 0 as
  ;; out[2b] = x0, out[2b + 1] = x1 (the order of randomBits). The caller grows the memory to 32·nq bytes.
  (func (export "bits") (param $k0 i32) (param $k1 i32) (param $b0 i32) (param $nq i32) (param $c1 i32)
    (local $ks0 v128) (local $ks1 v128) (local $ks2 v128) (local $c v128) (local $c1v v128) (local $x0 v128) (local $x1 v128) (local $p i32)
    (local.set $ks0 (i32x4.splat (local.get $k0)))
    (local.set $ks1 (i32x4.splat (local.get $k1)))
    (local.set $ks2 (i32x4.splat (i32.xor (i32.const ${PARITY}) (i32.xor (local.get $k0) (local.get $k1)))))
    (local.set $c (i32x4.add (i32x4.splat (local.get $b0)) (v128.const i32x4 0 1 2 3)))
    (local.set $c1v (i32x4.add (i32x4.splat (local.get $c1)) (local.get $ks1)))
    (local.set $p (i32.const 0))
    (block $done
      (br_if $done (i32.eqz (local.get $nq)))
      (loop $q
        (local.set $x0 (i32x4.add (local.get $c) (local.get $ks0)))
        (local.set $x1 (local.get $c1v))
${L.join('\n')}
        (v128.store (local.get $p) (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $x0) (local.get $x1)))
        (v128.store offset=16 (local.get $p) (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $x0) (local.get $x1)))
        (local.set $c (i32x4.add (local.get $c) (v128.const i32x4 4 4 4 4)))
        (local.set $p (i32.add (local.get $p) (i32.const 32)))
        (br_if $q (local.tee $nq (i32.sub (local.get $nq) (i32.const 1)))))))
)`;
}
