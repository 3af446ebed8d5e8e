/**
 * Generator of the float64 WebAssembly SIMD kernels behind `eigvalsh`/`eigh` (Householder tridiagonalization) and the
 * Lanczos solvers: `dsymWat()` returns the module as WebAssembly text. The kernels are the O(n²) inner loops of those
 * routines, written with standard 128-bit SIMD (f64x2) only — no relaxed SIMD, no threads — so results do not depend on
 * the host CPU. Rows are taken four at a time, as in the TypeScript fallbacks, so each vector load serves four matrix rows.
 *
 * Every pointer argument is a byte address in the imported memory; matrices are row-major with leading dimension `lda`
 * (elements). Regenerate src/wasm/dsym.generated.ts with `node --import tsx kernels/build-dsym.ts` (a test fails when the
 * committed file differs from what this generator and wabt produce).
 */

const R = [0, 1, 2, 3] as const;

const get = (name: string): string => `(local.get $${name})`;
const f64 = (x: string): string => `(f64.load ${x})`;
const f64At = (ptr: string, off: number): string => `(f64.load offset=${off} ${get(ptr)})`;
const add = (a: string, b: string): string => `(f64.add ${a} ${b})`;
const mul = (a: string, b: string): string => `(f64.mul ${a} ${b})`;
const sub = (a: string, b: string): string => `(f64.sub ${a} ${b})`;
const vadd = (a: string, b: string): string => `(f64x2.add ${a} ${b})`;
const vmul = (a: string, b: string): string => `(f64x2.mul ${a} ${b})`;
const vsub = (a: string, b: string): string => `(f64x2.sub ${a} ${b})`;
const iadd = (a: string, b: string): string => `(i32.add ${a} ${b})`;
const set = (name: string, x: string): string => `(local.set $${name} ${x})`;
const hsum = (v: string): string => add(`(f64x2.extract_lane 0 ${get(v)})`, `(f64x2.extract_lane 1 ${get(v)})`);
const locals = (type: string, names: readonly string[]): string => names.map((n) => `(local $${n} ${type})`).join(' ');
const rows = (prefix: string): string[] => R.map((r) => `${prefix}${r}`);

/**
 * dsymv(a, lda, m, q, z): z = B q for the symmetric m×m block B at a, reading only its upper triangle (each stored entry
 * serves (i, j) and (j, i): half the matrix traffic of a full mat-vec).
 */
function dsymv(): string {
  // Diagonal 4×4 block (upper triangle) of rows i..i+3, scalar: s_r += a·q_c, z_c += a·q_r.
  const diag: string[] = [];
  for (const r of R) {
    diag.push(set(`t${r}`, add(get(`t${r}`), mul(f64At(`r${r}`, 8 * r), get(`q${r}`)))));
    for (let c = r + 1; c < 4; c++) {
      diag.push(set('e', f64At(`r${r}`, 8 * c)));
      diag.push(set(`t${r}`, add(get(`t${r}`), mul(get('e'), get(`q${c}`)))));
      diag.push(set(`t${c}`, add(get(`t${c}`), mul(get('e'), get(`q${r}`)))));
    }
  }
  const colAddr = (ptr: string): string => iadd(get(ptr), get('o'));
  const simd = [
    set('x', `(v128.load ${colAddr('pq')})`),
    ...R.map((r) => set(`b${r}`, `(v128.load ${colAddr(`r${r}`)})`)),
    ...R.map((r) => set(`s${r}`, vadd(get(`s${r}`), vmul(get(`b${r}`), get('x'))))),
    `(v128.store ${colAddr('pz')} ${R.reduce((acc, r) => vadd(acc, vmul(get(`b${r}`), get(`Q${r}`))), `(v128.load ${colAddr('pz')})`)})`,
    set('o', iadd(get('o'), '(i32.const 16)')),
  ];
  const tail = [
    set('xs', f64(colAddr('pq'))),
    ...R.map((r) => set(`a${r}`, f64(colAddr(`r${r}`)))),
    ...R.map((r) => set(`t${r}`, add(get(`t${r}`), mul(get(`a${r}`), get('xs'))))),
    `(f64.store ${colAddr('pz')} ${R.reduce((acc, r) => add(acc, mul(get(`a${r}`), get(`q${r}`))), f64(colAddr('pz')))})`,
  ];
  return `
  (func (export "dsymv") (param $a i32) (param $lda i32) (param $m i32) (param $q i32) (param $z i32)
    (local $ldb i32) (local $i i32) (local $o i32) (local $lim i32) (local $pq i32) (local $pz i32)
    ${locals('i32', rows('r'))} (local $e f64) (local $xs f64) (local $x v128)
    ${locals('f64', rows('q'))} ${locals('f64', rows('t'))} ${locals('f64', rows('a'))}
    ${locals('v128', rows('Q'))} ${locals('v128', rows('s'))} ${locals('v128', rows('b'))}
    (local.set $ldb (i32.shl ${get('lda')} (i32.const 3)))
    (memory.fill ${get('z')} (i32.const 0) (i32.shl ${get('m')} (i32.const 3)))
    (block $done4 (loop $rows4
      (br_if $done4 (i32.gt_s (i32.add ${get('i')} (i32.const 4)) ${get('m')}))
      ;; r_r: address of entry (i+r, i); pq, pz: addresses of q_i, z_i
      (local.set $r0 (i32.add ${get('a')} (i32.add (i32.mul ${get('i')} ${get('ldb')}) (i32.shl ${get('i')} (i32.const 3)))))
      (local.set $r1 (i32.add ${get('r0')} ${get('ldb')}))
      (local.set $r2 (i32.add ${get('r1')} ${get('ldb')}))
      (local.set $r3 (i32.add ${get('r2')} ${get('ldb')}))
      (local.set $pq (i32.add ${get('q')} (i32.shl ${get('i')} (i32.const 3))))
      (local.set $pz (i32.add ${get('z')} (i32.shl ${get('i')} (i32.const 3))))
      ${R.map((r) => set(`q${r}`, f64At('pq', 8 * r))).join('\n      ')}
      ${R.map((r) => set(`t${r}`, '(f64.const 0)')).join(' ')}
      ${diag.join('\n      ')}
      ${R.map((r) => set(`Q${r}`, `(f64x2.splat ${get(`q${r}`)})`)).join(' ')}
      ${R.map((r) => set(`s${r}`, '(v128.const f64x2 0 0)')).join(' ')}
      (local.set $o (i32.const 32))
      (local.set $lim (i32.shl (i32.sub ${get('m')} ${get('i')}) (i32.const 3)))
      (block $done (loop $cols
        (br_if $done (i32.gt_s (i32.add ${get('o')} (i32.const 16)) ${get('lim')}))
        ${simd.join('\n        ')}
        (br $cols)))
      (if (i32.lt_s ${get('o')} ${get('lim')}) (then
        ${tail.join('\n        ')}))
      ${R.map((r) => `(f64.store offset=${8 * r} ${get('pz')} ${add(f64At('pz', 8 * r), add(get(`t${r}`), hsum(`s${r}`)))})`).join('\n      ')}
      (local.set $i (i32.add ${get('i')} (i32.const 4)))
      (br $rows4)))
    ;; the last m mod 4 rows, one at a time
    (block $done1 (loop $rows1
      (br_if $done1 (i32.ge_s ${get('i')} ${get('m')}))
      (local.set $r0 (i32.add ${get('a')} (i32.add (i32.mul ${get('i')} ${get('ldb')}) (i32.shl ${get('i')} (i32.const 3)))))
      (local.set $pq (i32.add ${get('q')} (i32.shl ${get('i')} (i32.const 3))))
      (local.set $pz (i32.add ${get('z')} (i32.shl ${get('i')} (i32.const 3))))
      (local.set $q0 ${f64At('pq', 0)})
      (local.set $t0 (f64.mul ${f64At('r0', 0)} ${get('q0')}))
      (local.set $o (i32.const 8))
      (local.set $lim (i32.shl (i32.sub ${get('m')} ${get('i')}) (i32.const 3)))
      (block $done (loop $cols
        (br_if $done (i32.ge_s ${get('o')} ${get('lim')}))
        (local.set $e ${f64(colAddr('r0'))})
        (local.set $t0 ${add(get('t0'), mul(get('e'), f64(colAddr('pq'))))})
        (f64.store ${colAddr('pz')} ${add(f64(colAddr('pz')), mul(get('e'), get('q0')))})
        (local.set $o (i32.add ${get('o')} (i32.const 8)))
        (br $cols)))
      (f64.store ${get('pz')} ${add(f64At('pz', 0), get('t0'))})
      (local.set $i (i32.add ${get('i')} (i32.const 1)))
      (br $rows1))))`;
}

/**
 * dsyr2mv(a, lda, m, v, w, u, y): the symmetric rank-2 update B ← B − v wᵀ − w vᵀ of the m×m block B at a (upper triangle
 * only), fused with y ← y + B' u using the updated entries while they are in registers: one pass over the trailing matrix
 * per Householder step (the caller zeroes y; u = 0 when no product is wanted).
 */
function dsyr2mv(): string {
  // Diagonal 4×4 block, scalar: b = B − v_r w_c − w_r v_c; t_r += b u_c; t_c += b u_r (c ≠ r).
  const diag: string[] = [];
  for (const r of R)
    for (let c = r; c < 4; c++) {
      diag.push(set('e', sub(sub(f64At(`r${r}`, 8 * c), mul(get(`v${r}`), get(`w${c}`))), mul(get(`w${r}`), get(`v${c}`)))));
      diag.push(`(f64.store offset=${8 * c} ${get(`r${r}`)} ${get('e')})`);
      diag.push(set(`t${r}`, add(get(`t${r}`), mul(get('e'), get(`u${c}`)))));
      if (c !== r) diag.push(set(`t${c}`, add(get(`t${c}`), mul(get('e'), get(`u${r}`)))));
    }
  const colAddr = (ptr: string): string => iadd(get(ptr), get('o'));
  const simd = [
    set('V', `(v128.load ${colAddr('pv')})`),
    set('W', `(v128.load ${colAddr('pw')})`),
    set('U', `(v128.load ${colAddr('pu')})`),
    ...R.map((r) => set(`b${r}`, vsub(vsub(`(v128.load ${colAddr(`r${r}`)})`, vmul(get(`V${r}`), get('W'))), vmul(get(`W${r}`), get('V'))))),
    ...R.map((r) => `(v128.store ${colAddr(`r${r}`)} ${get(`b${r}`)})`),
    ...R.map((r) => set(`s${r}`, vadd(get(`s${r}`), vmul(get(`b${r}`), get('U'))))),
    `(v128.store ${colAddr('py')} ${R.reduce((acc, r) => vadd(acc, vmul(get(`b${r}`), get(`U${r}`))), `(v128.load ${colAddr('py')})`)})`,
    set('o', iadd(get('o'), '(i32.const 16)')),
  ];
  const tail = [
    set('xv', f64(colAddr('pv'))),
    set('xw', f64(colAddr('pw'))),
    set('xu', f64(colAddr('pu'))),
    ...R.map((r) => set(`a${r}`, sub(sub(f64(colAddr(`r${r}`)), mul(get(`v${r}`), get('xw'))), mul(get(`w${r}`), get('xv'))))),
    ...R.map((r) => `(f64.store ${colAddr(`r${r}`)} ${get(`a${r}`)})`),
    ...R.map((r) => set(`t${r}`, add(get(`t${r}`), mul(get(`a${r}`), get('xu'))))),
    `(f64.store ${colAddr('py')} ${R.reduce((acc, r) => add(acc, mul(get(`a${r}`), get(`u${r}`))), f64(colAddr('py')))})`,
  ];
  const vecPtrs = ['pv', 'pw', 'pu', 'py'] as const;
  const vecArgs = ['v', 'w', 'u', 'y'] as const;
  const setVecPtrs = vecPtrs.map((p, k) => `(local.set $${p} (i32.add ${get(vecArgs[k] as string)} (i32.shl ${get('i')} (i32.const 3))))`).join('\n      ');
  return `
  (func (export "dsyr2mv") (param $a i32) (param $lda i32) (param $m i32) (param $v i32) (param $w i32) (param $u i32) (param $y i32)
    (local $ldb i32) (local $i i32) (local $o i32) (local $lim i32) (local $pv i32) (local $pw i32) (local $pu i32) (local $py i32)
    ${locals('i32', rows('r'))} (local $e f64) (local $xv f64) (local $xw f64) (local $xu f64)
    ${locals('f64', rows('v'))} ${locals('f64', rows('w'))} ${locals('f64', rows('u'))} ${locals('f64', rows('t'))} ${locals('f64', rows('a'))}
    ${locals('v128', rows('V'))} ${locals('v128', rows('W'))} ${locals('v128', rows('U'))} ${locals('v128', rows('s'))} ${locals('v128', rows('b'))}
    (local $V v128) (local $W v128) (local $U v128)
    (local.set $ldb (i32.shl ${get('lda')} (i32.const 3)))
    (block $done4 (loop $rows4
      (br_if $done4 (i32.gt_s (i32.add ${get('i')} (i32.const 4)) ${get('m')}))
      (local.set $r0 (i32.add ${get('a')} (i32.add (i32.mul ${get('i')} ${get('ldb')}) (i32.shl ${get('i')} (i32.const 3)))))
      (local.set $r1 (i32.add ${get('r0')} ${get('ldb')}))
      (local.set $r2 (i32.add ${get('r1')} ${get('ldb')}))
      (local.set $r3 (i32.add ${get('r2')} ${get('ldb')}))
      ${setVecPtrs}
      ${R.map((r) => `${set(`v${r}`, f64At('pv', 8 * r))} ${set(`w${r}`, f64At('pw', 8 * r))} ${set(`u${r}`, f64At('pu', 8 * r))}`).join('\n      ')}
      ${R.map((r) => set(`t${r}`, '(f64.const 0)')).join(' ')}
      ${diag.join('\n      ')}
      ${R.map((r) => `${set(`V${r}`, `(f64x2.splat ${get(`v${r}`)})`)} ${set(`W${r}`, `(f64x2.splat ${get(`w${r}`)})`)} ${set(`U${r}`, `(f64x2.splat ${get(`u${r}`)})`)}`).join('\n      ')}
      ${R.map((r) => set(`s${r}`, '(v128.const f64x2 0 0)')).join(' ')}
      (local.set $o (i32.const 32))
      (local.set $lim (i32.shl (i32.sub ${get('m')} ${get('i')}) (i32.const 3)))
      (block $done (loop $cols
        (br_if $done (i32.gt_s (i32.add ${get('o')} (i32.const 16)) ${get('lim')}))
        ${simd.join('\n        ')}
        (br $cols)))
      (if (i32.lt_s ${get('o')} ${get('lim')}) (then
        ${tail.join('\n        ')}))
      ${R.map((r) => `(f64.store offset=${8 * r} ${get('py')} ${add(f64At('py', 8 * r), add(get(`t${r}`), hsum(`s${r}`)))})`).join('\n      ')}
      (local.set $i (i32.add ${get('i')} (i32.const 4)))
      (br $rows4)))
    ;; the last m mod 4 rows, one at a time
    (block $done1 (loop $rows1
      (br_if $done1 (i32.ge_s ${get('i')} ${get('m')}))
      (local.set $r0 (i32.add ${get('a')} (i32.add (i32.mul ${get('i')} ${get('ldb')}) (i32.shl ${get('i')} (i32.const 3)))))
      ${setVecPtrs}
      (local.set $v0 ${f64At('pv', 0)}) (local.set $w0 ${f64At('pw', 0)}) (local.set $u0 ${f64At('pu', 0)})
      (local.set $e ${sub(sub(f64At('r0', 0), mul(get('v0'), get('w0'))), mul(get('w0'), get('v0')))})
      (f64.store ${get('r0')} ${get('e')})
      (local.set $t0 ${mul(get('e'), get('u0'))})
      (local.set $o (i32.const 8))
      (local.set $lim (i32.shl (i32.sub ${get('m')} ${get('i')}) (i32.const 3)))
      (block $done (loop $cols
        (br_if $done (i32.ge_s ${get('o')} ${get('lim')}))
        (local.set $e ${sub(sub(f64(colAddr('r0')), mul(get('v0'), f64(colAddr('pw')))), mul(get('w0'), f64(colAddr('pv'))))})
        (f64.store ${colAddr('r0')} ${get('e')})
        (local.set $t0 ${add(get('t0'), mul(get('e'), f64(colAddr('pu'))))})
        (f64.store ${colAddr('py')} ${add(f64(colAddr('py')), mul(get('e'), get('u0')))})
        (local.set $o (i32.add ${get('o')} (i32.const 8)))
        (br $cols)))
      (f64.store ${get('py')} ${add(f64At('py', 0), get('t0'))})
      (local.set $i (i32.add ${get('i')} (i32.const 1)))
      (br $rows1))))`;
}

/** dgemvt(q, ldq, k, n, z, c): c_r = q_r · z for the k rows q_r (length n, stride ldq) at q — four rows per sweep over z. */
function dgemvt(): string {
  const colAddr = (ptr: string): string => iadd(get(ptr), get('o'));
  return `
  (func (export "dgemvt") (param $q i32) (param $ldq i32) (param $k i32) (param $n i32) (param $z i32) (param $c i32)
    (local $ldb i32) (local $r i32) (local $o i32) (local $lim i32) (local $x v128) (local $zx f64)
    ${locals('i32', rows('r'))} ${locals('v128', rows('s'))} ${locals('f64', rows('t'))}
    (local.set $ldb (i32.shl ${get('ldq')} (i32.const 3)))
    (local.set $lim (i32.shl ${get('n')} (i32.const 3)))
    (block $done4 (loop $rows4
      (br_if $done4 (i32.gt_s (i32.add ${get('r')} (i32.const 4)) ${get('k')}))
      (local.set $r0 (i32.add ${get('q')} (i32.mul ${get('r')} ${get('ldb')})))
      (local.set $r1 (i32.add ${get('r0')} ${get('ldb')}))
      (local.set $r2 (i32.add ${get('r1')} ${get('ldb')}))
      (local.set $r3 (i32.add ${get('r2')} ${get('ldb')}))
      ${R.map((r) => set(`s${r}`, '(v128.const f64x2 0 0)')).join(' ')}
      ${R.map((r) => set(`t${r}`, '(f64.const 0)')).join(' ')}
      (local.set $o (i32.const 0))
      (block $done (loop $cols
        (br_if $done (i32.gt_s (i32.add ${get('o')} (i32.const 16)) ${get('lim')}))
        (local.set $x (v128.load ${colAddr('z')}))
        ${R.map((r) => set(`s${r}`, vadd(get(`s${r}`), vmul(`(v128.load ${colAddr(`r${r}`)})`, get('x'))))).join('\n        ')}
        (local.set $o (i32.add ${get('o')} (i32.const 16)))
        (br $cols)))
      (if (i32.lt_s ${get('o')} ${get('lim')}) (then
        (local.set $zx ${f64(colAddr('z'))})
        ${R.map((r) => set(`t${r}`, mul(f64(colAddr(`r${r}`)), get('zx')))).join('\n        ')}))
      ${R.map((r) => `(f64.store offset=${8 * r} (i32.add ${get('c')} (i32.shl ${get('r')} (i32.const 3))) ${add(hsum(`s${r}`), get(`t${r}`))})`).join('\n      ')}
      (local.set $r (i32.add ${get('r')} (i32.const 4)))
      (br $rows4)))
    (block $done1 (loop $rows1
      (br_if $done1 (i32.ge_s ${get('r')} ${get('k')}))
      (local.set $r0 (i32.add ${get('q')} (i32.mul ${get('r')} ${get('ldb')})))
      (local.set $s0 (v128.const f64x2 0 0))
      (local.set $t0 (f64.const 0))
      (local.set $o (i32.const 0))
      (block $done (loop $cols
        (br_if $done (i32.gt_s (i32.add ${get('o')} (i32.const 16)) ${get('lim')}))
        (local.set $s0 ${vadd(get('s0'), vmul(`(v128.load ${colAddr('r0')})`, `(v128.load ${colAddr('z')})`))})
        (local.set $o (i32.add ${get('o')} (i32.const 16)))
        (br $cols)))
      (if (i32.lt_s ${get('o')} ${get('lim')}) (then
        (local.set $t0 ${mul(f64(colAddr('r0')), f64(colAddr('z')))})))
      (f64.store (i32.add ${get('c')} (i32.shl ${get('r')} (i32.const 3))) ${add(hsum('s0'), get('t0'))})
      (local.set $r (i32.add ${get('r')} (i32.const 1)))
      (br $rows1))))`;
}

/** dgemvn(q, ldq, k, n, c, z): z ← z − Σ_r c_r q_r over the k rows q_r (length n, stride ldq) at q — four rows per sweep. */
function dgemvn(): string {
  const colAddr = (ptr: string): string => iadd(get(ptr), get('o'));
  const cAt = (r: number): string => `(f64.load offset=${8 * r} (i32.add ${get('c')} (i32.shl ${get('r')} (i32.const 3))))`;
  return `
  (func (export "dgemvn") (param $q i32) (param $ldq i32) (param $k i32) (param $n i32) (param $c i32) (param $z i32)
    (local $ldb i32) (local $r i32) (local $o i32) (local $lim i32)
    ${locals('i32', rows('r'))} ${locals('f64', rows('c'))} ${locals('v128', rows('C'))}
    (local.set $ldb (i32.shl ${get('ldq')} (i32.const 3)))
    (local.set $lim (i32.shl ${get('n')} (i32.const 3)))
    (block $done4 (loop $rows4
      (br_if $done4 (i32.gt_s (i32.add ${get('r')} (i32.const 4)) ${get('k')}))
      (local.set $r0 (i32.add ${get('q')} (i32.mul ${get('r')} ${get('ldb')})))
      (local.set $r1 (i32.add ${get('r0')} ${get('ldb')}))
      (local.set $r2 (i32.add ${get('r1')} ${get('ldb')}))
      (local.set $r3 (i32.add ${get('r2')} ${get('ldb')}))
      ${R.map((r) => `${set(`c${r}`, cAt(r))} ${set(`C${r}`, `(f64x2.splat ${get(`c${r}`)})`)}`).join('\n      ')}
      (local.set $o (i32.const 0))
      (block $done (loop $cols
        (br_if $done (i32.gt_s (i32.add ${get('o')} (i32.const 16)) ${get('lim')}))
        (v128.store ${colAddr('z')} ${R.reduce((acc, r) => vsub(acc, vmul(get(`C${r}`), `(v128.load ${colAddr(`r${r}`)})`)), `(v128.load ${colAddr('z')})`)})
        (local.set $o (i32.add ${get('o')} (i32.const 16)))
        (br $cols)))
      (if (i32.lt_s ${get('o')} ${get('lim')}) (then
        (f64.store ${colAddr('z')} ${R.reduce((acc, r) => sub(acc, mul(get(`c${r}`), f64(colAddr(`r${r}`)))), f64(colAddr('z')))})))
      (local.set $r (i32.add ${get('r')} (i32.const 4)))
      (br $rows4)))
    (block $done1 (loop $rows1
      (br_if $done1 (i32.ge_s ${get('r')} ${get('k')}))
      (local.set $r0 (i32.add ${get('q')} (i32.mul ${get('r')} ${get('ldb')})))
      (local.set $c0 ${cAt(0)})
      (local.set $C0 (f64x2.splat ${get('c0')}))
      (local.set $o (i32.const 0))
      (block $done (loop $cols
        (br_if $done (i32.gt_s (i32.add ${get('o')} (i32.const 16)) ${get('lim')}))
        (v128.store ${colAddr('z')} ${vsub(`(v128.load ${colAddr('z')})`, vmul(get('C0'), `(v128.load ${colAddr('r0')})`))})
        (local.set $o (i32.add ${get('o')} (i32.const 16)))
        (br $cols)))
      (if (i32.lt_s ${get('o')} ${get('lim')}) (then
        (f64.store ${colAddr('z')} ${sub(f64(colAddr('z')), mul(get('c0'), f64(colAddr('r0'))))})))
      (local.set $r (i32.add ${get('r')} (i32.const 1)))
      (br $rows1))))`;
}

/** The whole module: one imported memory (each call site creates its own, sized to its problem) and four kernels. */
export function dsymWat(): string {
  return `;; GENERATED by packages/linalg/kernels/dsym.ts — float64 SIMD kernels (dsymv, dsyr2mv, dgemvt, dgemvn).
(module
  (import "env" "memory" (memory 1))${dsymv()}${dsyr2mv()}${dgemvt()}${dgemvn()})
`;
}
