export { BACKEND_CHOICES, BackendUnavailableError, getTf, selectBackend, selectedBackend, type BackendInfo, type BackendRequest } from './backend.js';
export { angleBetween, angleMatrix, arcCosineJDeficit, arcCosineThetaMap, arcCosineThetaMapInPlace, arcCosineActivation, arcCosineAngleMap, arcCosineAngleMapInPlace, arcCosineJ, arcCosineKernel, arcCosineLogDiagonal, arcCosineMultilayer, arcCosineMultilayerKernel, assembleKernel, cosineMatrix, guardedAngle, hInfinity, kInfinity, rbfFromGram, rbfKernel } from './kernels.js';
export { activation, type ActivationRecord, type ArcCosineLimitMaps } from './activation.js';
export {
  activationPattern,
  forwardTwoLayer,
  gramFromCounts,
  gramG,
  gramH,
  gramHDeviationScale,
  initTwoLayer,
  patternCounts,
  projections,
  type TwoLayerParams,
} from './two-layer.js';
export { gramDeviationRate, gramHoeffdingTrials, hoeffdingGramBound, type GramDeviationRate, type GramHoeffdingTrials, type SampleGram } from './gram-concentration.js';
export { trainTwoLayerGd, type GdOptions, type GdTrace } from './gd.js';
export { loadMnist, type MnistDigits } from './mnist.js';
export { expLoss, logSumExp, logisticLoss, logisticNegDeriv, logisticSecondDeriv, marginLoss, marginLossNegDeriv, softmaxCrossEntropy, type MarginLossName } from './losses.js';
export { activationFns, activationTf, activationWithDerivative, initMlp, mlpForward, mlpLossGrad, mlpLossGradTf, softplus, type Activation, type InitScheme, type MlpLossGrad, type MlpParams } from './mlp.js';
export { empiricalNtk, empiricalNtkTf, ntkAutodiff, ntkCentralDifferences, type EmpiricalNtk } from './empirical-ntk.js';
export { expectedFeatureGram, gaussHermite, gaussianDual, reluNtkLimit, type ReluNtkLimit } from './expected-ntk.js';
export { patternFlipBound } from './pattern-flip-bound.js';
export { maxRatioToGeometric } from './geometric-rate.js';
export {
  initNtkMlp,
  ntkMlpEmpiricalNtk,
  ntkMlpForward,
  ntkMlpLossGrad,
  reluNtkLimitWithBias,
  type NtkLimitWithBias,
  type NtkMlpForward,
  type NtkMlpLossGrad,
  type NtkMlpParams,
  type NtkScales,
} from './ntk-mlp.js';
export { trainMlpGd, type MlpGdDivergence, type MlpGdOptions, type MlpGdTrace } from './mlp-gd.js';
export { gaussianInputs, randomTargets, sphereInputs, teacherTargets, type TeacherOptions } from './data.js';
