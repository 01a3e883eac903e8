package fixedpoint

import (
	"encoding/binary"
	"math/bits"

	"golang.org/x/crypto/chacha20"
)

// randBuf is how much keystream Rand produces per refill (8 ChaCha blocks).
const randBuf = 512

// Rand is the only source of randomness for consensus data: the ChaCha20
// keystream (RFC 8439, 20 rounds) keyed by a 32-byte seed with an all-zero
// 12-byte nonce, read as consecutive little-endian uint64 words. The stream
// is a pure function of the seed, identical on every CPU.
//
// The keystream is 2^32 blocks (256 GiB) long; x/crypto panics past that.
// Callers bound their draws far below it (domains cap n), so that is
// unreachable.
type Rand struct {
	c   *chacha20.Cipher
	buf [randBuf]byte
	pos int
}

// NewRand returns the stream for seed.
func NewRand(seed [32]byte) (*Rand, error) {
	var nonce [chacha20.NonceSize]byte
	c, err := chacha20.NewUnauthenticatedCipher(seed[:], nonce[:])
	if err != nil {
		return nil, err
	}
	return &Rand{c: c, pos: randBuf}, nil
}

// Uint64 returns the next 8 keystream bytes, little-endian.
func (r *Rand) Uint64() uint64 {
	if r.pos == randBuf {
		clear(r.buf[:])
		r.c.XORKeyStream(r.buf[:], r.buf[:])
		r.pos = 0
	}
	v := binary.LittleEndian.Uint64(r.buf[r.pos:])
	r.pos += 8
	return v
}

// Uintn returns a uniform integer in [0, n) without modulo bias (Lemire's
// multiply-and-reject). Uintn(0) returns 0 and consumes nothing.
func (r *Rand) Uintn(n uint64) uint64 {
	if n == 0 {
		return 0
	}
	hi, lo := bits.Mul64(r.Uint64(), n)
	if lo < n {
		thresh := -n % n // 2^64 mod n
		for lo < thresh {
			hi, lo = bits.Mul64(r.Uint64(), n)
		}
	}
	return hi
}

// Unit returns a uniform Fixed in [0, 1): the top FracBits bits of a word.
func (r *Rand) Unit() Fixed { return Fixed(r.Uint64() >> (64 - FracBits)) }

// Bernoulli returns true with probability p (clamped to [0, 1]) at the
// resolution of Fixed: true iff a uniform Unit() < p.
func (r *Rand) Bernoulli(p Fixed) bool { return r.Unit() < p }

// Normal returns an approximately standard normal Fixed: the Irwin–Hall sum
// of 12 uniforms on [0, 1) minus 6 (mean 0, variance 1, support [-6, 6)).
// Each word yields two uniforms, the top FracBits bits of its upper and of
// its lower half, so it consumes exactly 6 words.
func (r *Rand) Normal() Fixed {
	var s int64
	for i := 0; i < 6; i++ {
		w := r.Uint64()
		s += int64(w>>(64-FracBits)) + int64(uint32(w)>>(32-FracBits))
	}
	return Fixed(s - 6<<FracBits)
}
