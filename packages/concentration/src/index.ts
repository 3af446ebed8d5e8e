export { foldIn, key, randomBits, split, threefry2x32, type Key } from './prng.js';
export { normal, permutation, rademacher, sphere, uniform } from './samplers.js';
export { betaInc, erf, erfc, logGamma, normalCdf, normalQuantile, studentTCdf, studentTQuantile } from './special.js';
export { logLogSlope, meanSd, olsFit, wilsonInterval, type LineFit } from './estimators.js';
export { bernsteinSumTail, bernsteinTail, empiricalQuantile, empiricalTail, hoeffdingDeviation, hoeffdingTail, matrixBernsteinTail, matrixChernoffLowerTail, matrixChernoffLowerWidth, matrixChernoffUpperTail, type TailPoint } from './inequalities.js';
