// Package fixedpoint is DON's consensus-grade integer arithmetic engine.
//
// Every value that a domain generates, predicts or scores on chain is a
// Fixed: a signed two's-complement int64 read as a binary fixed-point number
// with FracBits fractional bits (the Q format is Q39.24: 39 integer bits
// plus sign, 24 fractional bits). The resolution is 2^-24 ≈ 5.96e-8 and the
// range is [-2^39, 2^39 − 2^-24] ≈ ±5.5e11.
//
// The format was chosen by benchmark (BenchmarkLoss in package domains,
// n = 1000 units, fixed vs floating-point reference): with 16 or 24 fractional bits
// realistic magnitudes keep every MLP and autoregression multiply-add in
// plain int64 (a magnitude bound checked once per vector proves it cannot
// overflow), and both ran at 0.8–1.7× the floating-point time; Q32.32 products of
// two values near 1 already need 65 bits, so every multiply-add takes the
// 128/192-bit path and ran at 2.4–6× the floating-point time. Q39.24 costs the same
// as Q47.16 and is 256× finer.
//
// Rounding rule (the only one): whenever an exact result has more fractional
// bits than the format holds, it is rounded to the nearest representable
// value, ties away from zero. Mul, Div, DivInt, FromRatio, Dot, Affine,
// SlidingDot, MeanSquare, SlidingMSE, Sum.DivInt, Mean, Sqrt, Sin, Cos,
// ParseDecimal and String (to Decimals digits) all follow it; Add, Sub,
// MulInt, Neg, Abs, ReLU and FromInt are exact unless they saturate. ISqrt
// is the integer floor square root (no Fixed involved). Because the rule is
// symmetric, x.Neg().Mul(y) == x.Mul(y).Neg() and Sin(-x) == -Sin(x).
//
// Overflow saturates, it never wraps: Add, Sub and FromInt clamp to
// [MinFixed, MaxFixed]; every other operation clamps its magnitude to
// MaxFixed before applying the sign, so it never returns MinFixed, and
// Neg/Abs map MinFixed to MaxFixed. Division by zero and the square root of
// a negative number are errors, not saturation. Sums of products (Dot,
// Affine, SlidingDot, MeanSquare, SlidingMSE) accumulate the exact
// mathematical sum and round once: in int64 when a magnitude bound checked
// once per vector proves it cannot overflow, otherwise in a 192-bit
// accumulator; both paths give the same bits, in any summation order.
//
// Randomness comes only from Rand, a ChaCha20 keystream keyed by a 32-byte
// seed with a zero nonce, so generated data is a pure function of the seed.
//
// Nothing here uses floating point, the math package, maps, time or
// goroutines, so results are bit-identical on every GOARCH. A test enforces
// the rule on the package's own source files.
package fixedpoint
