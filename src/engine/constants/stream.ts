// Layout of a random stream in engine memory, in bytes (AssemblyScript reads this file too: see
// README.md here). Four xoshiro128** lanes advance together and refill a buffer of 32-bit words
// that draws consume in order, two words (a "pair") per draw.
//
//   STREAM_LANES_OFFSET    four vectors S0..S3, each holding word k of lanes 0..3 (64 bytes)
//   STREAM_CURSOR_OFFSET   index of the next unread pair in the buffer (u32)
//   STREAM_BUFFER_OFFSET   STREAM_BUFFER_PAIRS pairs of u32 (word 2j = a, word 2j + 1 = b)

export const STREAM_LANES_OFFSET = 0;
export const STREAM_CURSOR_OFFSET = 64;
export const STREAM_BUFFER_OFFSET = 80;
export const STREAM_BUFFER_PAIRS = 256;
export const STREAM_STATE_BYTES = STREAM_BUFFER_OFFSET + STREAM_BUFFER_PAIRS * 8;
