// Layout of one worker's slot in the GEMM pool's shared control block (Int32 words), shared by gemm.mjs and gemm-worker.mjs.
/** Words per slot. */
export const SLOT_WORDS = 32;
/** Job generation, written by the caller (negative: shut down). */
export const SEQ = 0;
/** Last generation finished by the worker (−1 until its instance is ready). */
export const DONE = 1;
/** 1 when the worker's last job trapped. */
export const ERR = 2;
/** Function code: 0 sgemm, 1 dgemm. */
export const FN = 3;
/** First of the NARGS kernel arguments. */
export const ARGS = 4;
export const NARGS = 16;
