export {
  ConvergenceError,
  NotPositiveDefiniteError,
  add,
  gram,
  hadamard,
  identity,
  isSymmetric,
  matmul,
  matrix,
  matvec,
  normFro,
  rowDot,
  scale,
  sub,
  transpose,
  type Matrix,
} from './matrix.js';
export { eigvalsh, tridiagonalEigenvalues, tridiagonalize } from './eigvalsh.js';
export { eigh } from './eigh.js';
export { extremeEigenvalues, lambdaMax, type ExtremesErrorBound, lambdaMin, lambdaMinRobust, lanczosExtremes, type ExtremesSolver, type LanczosOptions, type LanczosResult, type RobustOptions } from './lanczos.js';
export { EIGEN_SOLVER } from './lanczos.js';
export { describeSolver, minEigenvalue, type MinEigenvalue } from './lambda-min.js';
export { cholesky, norm2, solve, svdvals } from './decompositions.js';
export { hardMarginSvm, hardMarginSvmMulticlass, type HardMarginSvmOptions, type HardMarginSvmResult, type MulticlassSvmResult, type SvmKkt } from './hard-margin-svm.js';
export { svmDecision, svmKktResidual, svmOneVsRest, svmOneVsRestPredict, svmSmo, type OneVsRestModel, type SvmModel, type SvmSmoOptions } from './svm-smo.js';
export { dgemm, gemmInfo, setGemmThreads, sgemm, type GemmInfo, type GemmKind, type GemmOptions } from './wasm/gemm.mjs';
/** URL of the plain-JS GEMM module (sgemm, dgemm), for worker threads that must import it without a TypeScript loader. */
export const gemmModuleUrl: string = new URL('./wasm/gemm.mjs', import.meta.url).href;
export { setGemmKernel, type GemmMode, type NativeGemmInfo } from './wasm/gemm.mjs';
