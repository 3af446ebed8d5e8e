export const SGEMM_MR: number;
export const SGEMM_NR: number;
export const SGEMM_RELAXED_SIMD: string;
export const SGEMM_SIMD: string;
