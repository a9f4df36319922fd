/**
 * shared/ compiles against ES2023 alone (no DOM, no Node). WebCrypto names its input BufferSource,
 * a Web IDL type that lib.es2023 lacks; browsers and Node 20 both take exactly this.
 */
type BufferSource = ArrayBufferView<ArrayBuffer> | ArrayBuffer;
