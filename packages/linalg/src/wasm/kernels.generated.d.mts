export const GEMM_MR: number;
export const SGEMM_NR: number;
export const DGEMM_NR: number;
export const GEMM_RELAXED_SIMD: string;
export const GEMM_SIMD: string;
