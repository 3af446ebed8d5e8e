/** ONNX TensorProto.DataType FLOAT. */
export const ONNX_FLOAT: 1;
/** ONNX TensorProto.DataType DOUBLE. */
export const ONNX_DOUBLE: 11;
/** Protobuf bytes of the one-node model Y = op(A)·op(B) (MatMul, or Gemm with transA/transB), symbolic dims M, K, N. */
export function gemmModel(elemType: number, opts?: { transA?: boolean; transB?: boolean }): Uint8Array;
