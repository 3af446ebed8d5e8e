import { angleMapClaim } from './angle-map.js';
import { diagDepth } from './diag-depth.js';
import { eqClosedForm } from './eq-closed-form.js';
import { eqJnGeneral } from './eq-jn-general.js';
import { eqRecursion } from './eq-recursion.js';
import { mkmDegreeBackrand } from './mkm-degree-backrand.js';
import { mcLimit } from './mc-limit.js';
import { psdClaim } from './psd.js';
import type { ChoSaul2009Claim } from './select.js';
import { svmConvexVsRbf } from './svm-convex-vs-rbf.js';
import { svmDepthConvex } from './svm-depth-convex.js';

/** Every cho-saul2009 claim, in the order of NOTES.md §3. */
export const claims: readonly ChoSaul2009Claim[] = [
  eqClosedForm,
  eqJnGeneral,
  mcLimit,
  eqRecursion,
  diagDepth,
  psdClaim,
  angleMapClaim,
  svmConvexVsRbf,
  svmDepthConvex,
  mkmDegreeBackrand,
];
