export const SLOT_WORDS: number;
export const SEQ: number;
export const DONE: number;
export const ERR: number;
export const FN: number;
export const ARGS: number;
export const NARGS: number;
