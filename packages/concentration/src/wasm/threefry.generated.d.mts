export const THREEFRY_SIMD: string;
