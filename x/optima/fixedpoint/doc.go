// Package fixedpoint is DON's consensus-grade integer arithmetic engine.
//
// Every value that a domain generates, predicts or scores on chain is a
// Fixed: a signed two's-complement int64 read as a binary fixed-point number
// with FracBits fractional bits (the Q format is Q(63-FracBits).FracBits plus
// sign). With FracBits = 24 the resolution is 2^-24 ≈ 5.96e-8 and the range
// is ±2^39 ≈ ±5.5e11. The format was chosen by benchmark (see the package
// README-style notes in the domains benchmarks): 24 fractional bits keep the
// MLP hot loop in plain int64 multiply-adds for realistic magnitudes, while
// Q32.32 forces 128-bit products on every multiply-add.
//
// Rounding rule (the only one): whenever an exact result has more fractional
// bits than the format holds, it is rounded to the nearest representable
// value, ties away from zero. Mul, MulInt, Div, FromRatio, Dot, Affine, Sum,
// Mean, Sqrt, Sin, Cos and ParseDecimal all follow it; Add, Sub, Neg, Abs,
// ReLU and FromInt are exact or saturate. Because the rule is symmetric,
// x.Neg().Mul(y) == x.Mul(y).Neg() and Sin(-x) == -Sin(x) exactly.
//
// Overflow saturates, it never wraps: a result above MaxFixed becomes
// MaxFixed, a result below MinFixed becomes MinFixed. Products, quotients and
// sums that are rounded (Mul, Div, Dot, Affine, Sum, Mean) saturate
// symmetrically to ±MaxFixed, so they never return MinFixed. Division by zero
// and the square root of a negative number are errors, not saturation.
// Dot products and affine maps accumulate the exact mathematical sum of the
// raw products (int64 when a magnitude bound proves it cannot overflow,
// 192-bit otherwise; both give the same bits) and round once.
//
// Randomness comes only from Rand, a ChaCha20 keystream keyed by a 32-byte
// seed with a zero nonce, so generated data is a pure function of the seed.
//
// Nothing here uses floating point, the math package, maps, time or
// goroutines, so results are bit-identical on every GOARCH. A test enforces
// the rule on the package's own source files.
package fixedpoint
