package types

import (
	"crypto/sha256"
	"encoding/binary"
)

// SaltMinLength and SaltMaxLength bound the salt of a commitment: short salts
// could be brute-forced from the commitment, long ones only cost storage.
const (
	SaltMinLength = 16
	SaltMaxLength = 64
)

// CommitmentBytes is the canonical byte encoding that a commitment hashes:
//
//	"don/optima/commit/v1"
//	‖ model_id            (uint64, big-endian)
//	‖ len(optimizer)      (uint32, big-endian) ‖ optimizer address bytes
//	‖ len(params)         (uint32, big-endian) ‖ each param (int64 raw fixed point, big-endian)
//	‖ len(salt)           (uint32, big-endian) ‖ salt
//
// The CLI and the agents call this same function.
func CommitmentBytes(modelID uint64, optimizer []byte, params []int64, salt []byte) []byte {
	buf := make([]byte, 0, len(CommitmentDomain)+8+12+len(optimizer)+8*len(params)+len(salt))
	buf = append(buf, CommitmentDomain...)
	buf = binary.BigEndian.AppendUint64(buf, modelID)
	buf = binary.BigEndian.AppendUint32(buf, uint32(len(optimizer)))
	buf = append(buf, optimizer...)
	buf = binary.BigEndian.AppendUint32(buf, uint32(len(params)))
	for _, p := range params {
		buf = binary.BigEndian.AppendUint64(buf, uint64(p))
	}
	buf = binary.BigEndian.AppendUint32(buf, uint32(len(salt)))
	return append(buf, salt...)
}

// ComputeCommitment returns SHA-256 of CommitmentBytes.
func ComputeCommitment(modelID uint64, optimizer []byte, params []int64, salt []byte) []byte {
	sum := sha256.Sum256(CommitmentBytes(modelID, optimizer, params, salt))
	return sum[:]
}

// EvalSeed is the seed of a commit's verification sample:
// SHA-256("don/optima/eval" ‖ commit_id ‖ beacon(h_c + k)).
func EvalSeed(commitID uint64, beacon []byte) [32]byte {
	buf := make([]byte, 0, len(EvalSeedDomain)+8+len(beacon))
	buf = append(buf, EvalSeedDomain...)
	buf = binary.BigEndian.AppendUint64(buf, commitID)
	buf = append(buf, beacon...)
	return sha256.Sum256(buf)
}

// RegistrationSeed is the seed on which optimum 0 of a model is measured.
func RegistrationSeed(domain string, modelID uint64, entropy []byte) [32]byte {
	buf := make([]byte, 0, len(domain)+8+len(entropy))
	buf = append(buf, domain...)
	buf = binary.BigEndian.AppendUint64(buf, modelID)
	buf = append(buf, entropy...)
	return sha256.Sum256(buf)
}

// NextBeacon is beacon(h) = SHA-256(beacon(h−1) ‖ header_hash(h)).
func NextBeacon(prev, headerHash []byte) []byte {
	buf := make([]byte, 0, len(prev)+len(headerHash))
	buf = append(buf, prev...)
	buf = append(buf, headerHash...)
	sum := sha256.Sum256(buf)
	return sum[:]
}
